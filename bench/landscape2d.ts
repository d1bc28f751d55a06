/**
 * 2-D landscape rows for `npm run bench` (bench/run.ts prints them): 256 × 256 `sam` and `relaxed`
 * (target ≤ 200 ms in Node), `expected` with its largest error against the dense reference (target
 * ≤ 1e-4), and all four maps together. Each objective is timed with its own loss sampling included.
 * Run alone with `npx tsx bench/landscape2d.ts`.
 */
import { compileLoss2D } from '../src/math/landscape2d/loss2d.ts';
import { ACCURACY_CASES_2D } from '../src/math/landscape2d/accuracy-cases2d.ts';
import { denseExpected2D, denseRelaxed2D, denseSam2D } from '../src/math/landscape2d/dense-reference2d.ts';
import { expectedGrid } from '../src/math/landscape2d/expected2d.ts';
import { computeLandscape2D, lossGrid } from '../src/math/landscape2d/landscape2d.ts';
import { findPreset2D } from '../src/math/landscape2d/presets2d.ts';
import { relaxedGrid } from '../src/math/landscape2d/relaxed2d.ts';
import { samGrid } from '../src/math/landscape2d/sam2d.ts';
import { medianMs } from './timing.ts';


export function landscape2dRows(points = 256, runs = 7): string[][] {
  const preset = findPreset2D('sharp-flat-2d');
  if (!preset) throw new Error('sharp-flat-2d preset missing');
  const compiled = compileLoss2D(preset.expression);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const loss = compiled.fn;
  const { sigma, rho } = preset;
  const view = { xFrom: preset.xFrom, xTo: preset.xTo, yFrom: preset.yFrom, yTo: preset.yTo };
  const base = lossGrid(loss, view, points);
  const label = `${points} × ${points}, ${preset.id}, σ = ${sigma}, ρ = ${rho}`;

  const sam = medianMs(() => samGrid(loss, view, points, rho), runs);
  const relaxed = medianMs(() => relaxedGrid(loss, view, points, sigma, base.hi - base.lo), runs);
  const expectedMs = medianMs(() => expectedGrid(loss, view, points, sigma), runs);
  const all = medianMs(() => computeLandscape2D({ loss, ...view, points, sigma, rho }), Math.max(3, runs >> 1));

  // Largest error of `expected` against the dense Simpson reference on a spread of grid points.
  const expected = expectedGrid(loss, view, points, sigma).values;
  let worst = 0;
  for (let a = 0; a < 6; a++)
    for (let b = 0; b < 6; b++) {
      const i = Math.round(((points - 1) * (a + 0.37)) / 6);
      const j = Math.round(((points - 1) * (b + 0.61)) / 6);
      const err = Math.abs(expected[i * points + j] - denseExpected2D(loss, base.x[j], base.y[i], sigma));
      worst = Math.max(worst, err);
    }

  return [
    [`sam (disk max), ${label}`, sam.toFixed(1), 'target ≤ 200 ms'],
    [`relaxed (2-D distance transform), ${label}`, relaxed.toFixed(1), 'target ≤ 200 ms'],
    [`expected (separable Gaussian), ${label}`, expectedMs.toFixed(1), `max error vs dense reference ${worst.toExponential(1)} (36 points; target ≤ 1e-4)`],
    [`all four maps (one shared sampling), ${label}`, all.toFixed(1), 'computed in a Web Worker in the app'],
  ];
}

/**
 * The accuracy table: for each case of issue "Exact everywhere" (accuracy-cases2d.ts), the largest error
 * of each objective over a 3 × 3 spread of output points against the dense references with global
 * search (absolute, relative above 1). Kinked cases use 1200 Simpson panels for the dense expectation.
 */
export function landscape2dAccuracyRows(): string[][] {
  const rows: string[][] = [];
  for (const c of ACCURACY_CASES_2D) {
    const compiled = compileLoss2D(c.expression);
    if (!compiled.ok) throw new Error(compiled.error.message);
    const loss = compiled.fn;
    const r = computeLandscape2D({ loss, ...c.view, points: c.points, sigma: c.sigma, rho: c.rho });
    const worst = { expected: 0, sam: 0, relaxed: 0 };
    const n = c.points;
    for (const i of [0, n >> 1, n - 1])
      for (const j of [0, (n >> 1) + 1, n - 1]) {
        const k = i * n + j;
        const [x, y] = [r.x[j], r.y[i]];
        const refs = { expected: denseExpected2D(loss, x, y, c.sigma, c.kinked ? 1200 : 320), sam: denseSam2D(loss, x, y, c.rho), relaxed: denseRelaxed2D(loss, x, y, c.sigma) };
        for (const name of ['expected', 'sam', 'relaxed'] as const) {
          const e = Math.abs(r[name][k] - refs[name]) / Math.max(1, Math.abs(refs[name]));
          worst[name] = Math.max(worst[name], Number.isNaN(e) ? Infinity : e);
        }
      }
    rows.push([`${c.id} (σ = ${c.sigma}, ρ = ${c.rho}, ${n}²)`, worst.expected.toExponential(1), worst.sam.toExponential(1), worst.relaxed.toExponential(1)]);
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('| 2-D case | median ms | notes |');
  console.log('|---|---:|---|');
  for (const r of landscape2dRows()) console.log(`| ${r.join(' | ')} |`);
  console.log('');
  console.log('| 2-D accuracy case | expected max error | sam max error | relaxed max error |');
  console.log('|---|---:|---:|---:|');
  for (const r of landscape2dAccuracyRows()) console.log(`| ${r.join(' | ')} |`);
}
