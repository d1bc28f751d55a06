/**
 * `sam`: S_ρ(m) = max_{|ε|≤ρ} ℓ(m+ε) for every output m (theory.md §3).
 * A monotone deque gives the grid argmax over every window in O(n); each window's max is then refined
 * continuously (parabolic steps) and the exact end points m±ρ are evaluated, since ℓ is often largest there.
 */
import type { WorkingGrid } from './grid.ts';
import type { Loss1D } from './objectives.ts';
import { refinePeak } from './refine.ts';

export interface SamResult {
  values: Float64Array;
  /** θ where the max is attained, for each output point. */
  argmax: Float64Array;
  /** Output points whose window contained a NaN loss (value NaN). */
  notFinite: number;
}

export function samCurve(loss: Loss1D, grid: WorkingGrid, outputs: Int32Array, rho: number): SamResult {
  const { theta, values: l, h } = grid;
  const n = outputs.length;
  const values = new Float64Array(n);
  const argmax = new Float64Array(n);
  const w = Math.floor(rho / h + 1e-9);
  // nanPrefix[j] = number of NaN losses before j (NaN makes the max undefined; ±∞ are ordinary here).
  const nanPrefix = new Int32Array(theta.length + 1);
  for (let j = 0; j < theta.length; j++) nanPrefix[j + 1] = nanPrefix[j] + (Number.isNaN(l[j]) ? 1 : 0);
  const deque = new Int32Array(theta.length);
  let head = 0;
  let tail = 0;
  let next = 0;
  let notFinite = 0;
  for (let i = 0; i < n; i++) {
    const j = outputs[i];
    const lo = Math.max(0, j - w);
    const hi = Math.min(theta.length - 1, j + w);
    for (; next <= hi; next++) {
      if (Number.isNaN(l[next])) continue;
      while (tail > head && l[deque[tail - 1]] <= l[next]) tail--;
      deque[tail++] = next;
    }
    while (tail > head && deque[head] < lo) head++;
    const m = theta[j];
    if (nanPrefix[hi + 1] - nanPrefix[lo] > 0 || tail === head) {
      values[i] = NaN;
      argmax[i] = NaN;
      notFinite++;
      continue;
    }
    const k = deque[head];
    let best = { x: theta[k], value: l[k] };
    if (rho > 0 && Number.isFinite(best.value)) {
      const left = m - rho;
      const right = m + rho;
      best = refinePeak(loss, best, h, left, right);
      const fl = loss(left);
      const fr = loss(right);
      if (fl > best.value) best = { x: left, value: fl };
      if (fr > best.value) best = { x: right, value: fr };
      if (Number.isNaN(fl) || Number.isNaN(fr)) best = { x: NaN, value: NaN };
    }
    values[i] = best.value;
    argmax[i] = best.x;
  }
  return { values, argmax, notFinite };
}
