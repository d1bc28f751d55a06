/**
 * 2-D landscape rows for `npm run bench` (bench/run.ts prints them): 256 × 256 `sam` and `relaxed`
 * (target ≤ 200 ms in Node), `expected` with its largest error against the dense reference (target
 * ≤ 1e-4), and all four maps together. Each objective is timed with its own loss sampling included.
 * Run alone with `npx tsx bench/landscape2d.ts`.
 */
import { compileLoss2D } from '../src/math/landscape2d/loss2d.ts';
import { denseExpected2D } from '../src/math/landscape2d/dense-reference2d.ts';
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

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('| 2-D case | median ms | notes |');
  console.log('|---|---:|---|');
  for (const r of landscape2dRows()) console.log(`| ${r.join(' | ')} |`);
}
