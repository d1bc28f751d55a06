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
 * A compass search from (x, y) with 16 directions, halving the step down to 1e-11: slow and simple.
 * `project` maps a trial point into the feasible set (identity when unconstrained).
 */
function compassSearch(g: (x: number, y: number) => number, x: number, y: number, step: number, project: (x: number, y: number) => [number, number]): number {
  let best = g(x, y);
  const dirs: [number, number][] = [];
  for (let k = 0; k < 16; k++) dirs.push([Math.cos((k * Math.PI) / 8), Math.sin((k * Math.PI) / 8)]);
  for (let s = step; s > 1e-11; s /= 2) {
    for (let moved = true, guard = 0; moved && guard < 200; guard++) {
      moved = false;
      for (const [dx, dy] of dirs) {
        const [px, py] = project(x + s * dx, y + s * dy);
        const v = g(px, py);
        if (v > best) {
          best = v;
          x = px;
          y = py;
          moved = true;
        }
      }
    }
  }
  return best;
}

/** The `keep` largest strict-or-tied local maxima of a rows × cols table (periodic in columns when `wrap`). */
function topLocalMaxima(t: Float64Array, rows: number, cols: number, wrap: boolean, keep: number): number[] {
  const found: number[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const v = t[r * cols + c];
      if (!Number.isFinite(v)) continue;
      let isMax = true;
      for (let dr = -1; dr <= 1 && isMax; dr++)
        for (let dc = -1; dc <= 1; dc++) {
          if (dr === 0 && dc === 0) continue;
          const rr = r + dr;
          let cc = c + dc;
          if (rr < 0 || rr >= rows) continue;
          if (wrap) cc = (cc + cols) % cols;
          else if (cc < 0 || cc >= cols) continue;
          if (t[rr * cols + cc] > v) {
            isMax = false;
            break;
          }
        }
      if (isMax) found.push(r * cols + c);
    }
  found.sort((a, b) => t[b] - t[a]);
  return found.slice(0, keep);
}

/**
 * max of ℓ over the disk ‖ε‖ ≤ ρ: a polar scan of the whole disk, then a compass search (projected onto
 * the disk) from each of the `keep` best local maxima of the scan — a global search, not one basin.
 */
export function denseSam2D(loss: Loss2D, mx: number, my: number, rho: number, radial = 120, angular = 480, keep = 12): number {
  const rows = radial + 1;
  const t = new Float64Array(rows * angular);
  for (let r = 0; r < rows; r++) {
    const rad = (rho * r) / radial;
    for (let k = 0; k < angular; k++) {
      const a = (2 * Math.PI * k) / angular;
      t[r * angular + k] = loss(mx + rad * Math.cos(a), my + rad * Math.sin(a));
    }
  }
  const project = (x: number, y: number): [number, number] => {
    const d = Math.hypot(x - mx, y - my);
    return d <= rho ? [x, y] : [mx + ((x - mx) * rho) / d, my + ((y - my) * rho) / d];
  };
  let best = loss(mx, my);
  for (const cell of topLocalMaxima(t, rows, angular, true, keep)) {
    const r = Math.floor(cell / angular);
    const a = (2 * Math.PI * (cell % angular)) / angular;
    const rad = (rho * r) / radial;
    const step = Math.max(rho / radial, (rad * 2 * Math.PI) / angular);
    best = Math.max(best, t[cell], compassSearch(loss, mx + rad * Math.cos(a), my + rad * Math.sin(a), step, project));
  }
  return best;
}

/**
 * sup_ε ℓ(m+ε) − ‖ε‖²/(2σ²): a square scan of half-width `reach`·σ, then a compass search from each of
 * the `keep` best local maxima of the scan (a global search).
 */
export function denseRelaxed2D(loss: Loss2D, mx: number, my: number, sigma: number, reach = 12, count = 481, keep = 12): number {
  const g = (x: number, y: number) => loss(x, y) - ((x - mx) ** 2 + (y - my) ** 2) / (2 * sigma * sigma);
  const half = reach * sigma;
  const step = (2 * half) / (count - 1);
  const t = new Float64Array(count * count);
  for (let a = 0; a < count; a++) for (let b = 0; b < count; b++) t[a * count + b] = g(mx - half + b * step, my - half + a * step);
  let best = g(mx, my);
  for (const cell of topLocalMaxima(t, count, count, false, keep)) {
    const x = mx - half + (cell % count) * step;
    const y = my - half + Math.floor(cell / count) * step;
    best = Math.max(best, t[cell], compassSearch(g, x, y, step, (px, py) => [px, py]));
  }
  return best;
}
