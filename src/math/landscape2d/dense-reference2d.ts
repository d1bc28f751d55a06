/**
 * Slow, obviously-correct references for the 2-D objectives at a single m, used only by tests and the
 * bench: dense sums and scans with none of the fast algorithms' structure.
 */
import type { Loss2D } from './types.ts';

/** E_σ(m) by a tensor-product composite Simpson rule over m ± 8σ with `panels` panels per axis. */
export function denseExpected2D(loss: Loss2D, mx: number, my: number, sigma: number, panels = 320): number {
  const h = 16 / panels;
  const weight = (k: number) => (k === 0 || k === panels ? 1 : k % 2 ? 4 : 2);
  let acc = 0;
  for (let a = 0; a <= panels; a++) {
    const zy = -8 + a * h;
    let row = 0;
    for (let b = 0; b <= panels; b++) {
      const zx = -8 + b * h;
      row += weight(b) * Math.exp(-0.5 * zx * zx) * loss(mx + sigma * zx, my + sigma * zy);
    }
    acc += weight(a) * Math.exp(-0.5 * zy * zy) * row;
  }
  return ((acc * h * h) / 9) / (2 * Math.PI);
}

/**
 * max of ℓ over the disk ‖ε‖ ≤ ρ by a polar scan, then a golden-section search in the angle on the
 * circle around the best boundary angle (the max of a loss increasing outwards is on the circle).
 */
export function denseSam2D(loss: Loss2D, mx: number, my: number, rho: number, radial = 200, angular = 720): number {
  let best = loss(mx, my);
  let edgeBest = -Infinity;
  let edgeAngle = 0;
  for (let r = 1; r <= radial; r++) {
    const rad = (rho * r) / radial;
    for (let k = 0; k < angular; k++) {
      const t = (2 * Math.PI * k) / angular;
      const v = loss(mx + rad * Math.cos(t), my + rad * Math.sin(t));
      if (v > best) best = v;
      if (r === radial && v > edgeBest) {
        edgeBest = v;
        edgeAngle = t;
      }
    }
  }
  const onCircle = (t: number) => loss(mx + rho * Math.cos(t), my + rho * Math.sin(t));
  const step = (2 * Math.PI) / angular;
  let a = edgeAngle - step;
  let b = edgeAngle + step;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 60; it++) {
    const t1 = b - g * (b - a);
    const t2 = a + g * (b - a);
    if (onCircle(t1) > onCircle(t2)) b = t2;
    else a = t1;
  }
  return Math.max(best, onCircle((a + b) / 2));
}

/** sup_ε ℓ(m+ε) − ‖ε‖²/(2σ²) by a square scan of half-width `reach`·σ, then local coordinate search. */
export function denseRelaxed2D(loss: Loss2D, mx: number, my: number, sigma: number, reach = 6, count = 601): number {
  const g = (ex: number, ey: number) => loss(mx + ex, my + ey) - (ex * ex + ey * ey) / (2 * sigma * sigma);
  const half = reach * sigma;
  const step = (2 * half) / (count - 1);
  let bx = 0;
  let by = 0;
  let best = g(0, 0);
  for (let a = 0; a < count; a++)
    for (let b = 0; b < count; b++) {
      const ex = -half + b * step;
      const ey = -half + a * step;
      const v = g(ex, ey);
      if (v > best) {
        best = v;
        bx = ex;
        by = ey;
      }
    }
  // Pattern search around the grid maximiser: the answer only ever goes up, and stays a true value.
  for (let s = step; s > 1e-9; s /= 2) {
    let moved = true;
    while (moved) {
      moved = false;
      for (const [dx, dy] of [[s, 0], [-s, 0], [0, s], [0, -s]]) {
        const v = g(bx + dx, by + dy);
        if (v > best) {
          best = v;
          bx += dx;
          by += dy;
          moved = true;
        }
      }
    }
  }
  return best;
}
