// TEMPORARY STUB (being replaced by the linear-time implementation): naive per-point computation.
import type { Landscape1D, Landscape1DInput } from './landscape1d.types.ts';
import { OBJECTIVES } from './objectives.ts';

export function computeLandscape1D(input: Landscape1DInput): Landscape1D {
  const { loss, from, to, points, sigma, rho } = input;
  const theta = new Float64Array(points);
  for (let i = 0; i < points; i++) theta[i] = from + ((to - from) * i) / (points - 1);
  const mk = () => new Float64Array(points);
  const out = { theta, loss: mk(), expected: mk(), sam: mk(), relaxed: mk(), eps: mk(), rhoEq: mk(), biconjugate: mk() };
  for (let i = 0; i < points; i++) {
    const m = theta[i];
    out.loss[i] = loss(m);
    let e = 0;
    let w = 0;
    let s = -Infinity;
    let r = -Infinity;
    let eps = 0;
    for (let k = -200; k <= 200; k++) {
      const d = (k / 200) * 6 * sigma;
      const g = Math.exp(-(d * d) / (2 * sigma * sigma));
      e += g * loss(m + d);
      w += g;
      const v = loss(m + d) - (d * d) / (2 * sigma * sigma);
      if (v > r) { r = v; eps = d; }
      s = Math.max(s, loss(m + (k / 200) * rho));
    }
    out.expected[i] = e / w;
    out.sam[i] = s;
    out.relaxed[i] = r;
    out.eps[i] = eps;
    out.rhoEq[i] = Math.abs(eps);
    out.biconjugate[i] = e / w;
  }
  const argmin = {} as Landscape1D['argmin'];
  for (const name of OBJECTIVES) {
    const arr = out[name];
    let best = -1;
    for (let i = 0; i < points; i++) if (Number.isFinite(arr[i]) && (best < 0 || arr[i] < arr[best])) best = i;
    argmin[name] = best < 0 ? null : theta[best];
  }
  return { ...out, argmin, warnings: [] };
}
