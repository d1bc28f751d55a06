/**
 * `sam` in 2-D: S_ρ(m) = max_{‖ε‖≤ρ} ℓ(m+ε) on the output grid (theory.md §2, §3).
 *
 * The max over a disk is attained at a local max of ℓ inside it or on its circle. So:
 *   1. the grid disk max (disk-max2d.ts) gives a lower bound that is a value of ℓ on the disk;
 *   2. every local max of ℓ on the working grid is refined once on ℓ itself (they do not depend on m),
 *      and each m takes the best refined peak that lies in its disk;
 *   3. the circle ‖ε‖ = ρ is scanned per m, and each local max of the scan that could beat the rest is
 *      refined on ℓ by Brent's method in the angle (sam-refine2d.ts).
 * Every value kept was evaluated at a point of the disk, so S never overstates the max.
 */
import { gridDiskMax } from './disk-max2d.ts';
import { planAxes, sampleGrid } from './grid2d.ts';
import type { GridPlan, WorkingGrid2D } from './grid2d.ts';
import { refineSam } from './sam-refine2d.ts';
import type { Loss2D, View2D } from './types.ts';

export { chordHalfWidths } from './disk-max2d.ts';

/** The disk gets at least this many grid steps across its radius when the axis budget allows. */
const STEPS_PER_RADIUS = 8;
export const MAX_SAM_AXIS_COUNT = 1024;

export interface Sam2DResult {
  values: Float64Array;
  /** Output points whose ρ-square contained a NaN loss (value NaN). */
  notFinite: number;
}

/** The working grid `sam` needs: ρ (plus two steps, for peaks just outside the disk) beyond the view. */
export function samPlan(rho: number): GridPlan {
  // A disk much smaller than the output spacing needs no finer grid: the circle is then searched on ℓ.
  return { maxStep: rho > 0 ? rho / STEPS_PER_RADIUS : Infinity, pad: rho * (1 + 1e-9), padSteps: 2, maxCount: MAX_SAM_AXIS_COUNT, maxRefine: 4 };
}

export function samGrid(loss: Loss2D, view: View2D, points: number, rho: number): Sam2DResult {
  const { xAxis, yAxis } = planAxes(view, points, samPlan(rho));
  return samOnGrid(loss, sampleGrid(loss, xAxis, yAxis), points, rho);
}

/** S on a sampled working grid padded by at least ρ; `loss` refines peaks and the circle. */
export function samOnGrid(loss: Loss2D, grid: WorkingGrid2D, points: number, rho: number): Sam2DResult {
  const { xAxis, yAxis } = grid;
  const cols = xAxis.count;
  const l = grid.values;
  const disk = gridDiskMax(l, grid, points, rho);
  const values = disk.values;
  if (rho > 0) refineSam(loss, grid, points, rho, values);

  // NaN anywhere in the square around the disk makes the max undefined (a conservative flag).
  const rows = yAxis.count;
  const W = cols + 1;
  const nanTable = new Int32Array((rows + 1) * W);
  for (let r = 0; r < rows; r++) {
    let run = 0;
    for (let c = 0; c < cols; c++) {
      if (Number.isNaN(l[r * cols + c])) run++;
      nanTable[(r + 1) * W + c + 1] = nanTable[r * W + c + 1] + run;
    }
  }
  const ry = Math.floor(rho / yAxis.h + 1e-9);
  const wx = Math.floor(rho / xAxis.h + 1e-9);
  let notFinite = 0;
  for (let i = 0; i < points; i++) {
    const r0 = yAxis.offset + i * yAxis.refine;
    const top = Math.max(0, r0 - ry);
    const bottom = Math.min(rows, r0 + ry + 1);
    for (let j = 0; j < points; j++) {
      const c0 = xAxis.offset + j * xAxis.refine;
      const left = Math.max(0, c0 - wx);
      const right = Math.min(cols, c0 + wx + 1);
      const nan = nanTable[bottom * W + right] - nanTable[top * W + right] - nanTable[bottom * W + left] + nanTable[top * W + left];
      if (nan > 0 || values[i * points + j] === -Infinity || Number.isNaN(values[i * points + j])) {
        values[i * points + j] = NaN;
        notFinite++;
      }
    }
  }
  return { values, notFinite };
}
