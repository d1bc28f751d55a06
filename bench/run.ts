/**
 * `npm run bench`: medians of repeated runs, printed as a Markdown table (paste into BENCHMARKS.md).
 * Performance is measured here, never asserted in timed tests.
 */
import os from 'node:os';
import { computeLandscape1D } from '../src/math/landscape1d.ts';
import { computeMSigmaGrid } from '../src/math/msigma.ts';
import { compileExpression } from '../src/math/expression.ts';
import { findPreset } from '../src/math/presets.ts';
import { expectedCurve } from '../src/math/expected.ts';
import { linspace, workingGrid } from '../src/math/grid.ts';
import { samCurve } from '../src/math/sam.ts';
import { relaxedCurve } from '../src/math/relaxed.ts';
import { biconjugateCurve } from '../src/math/biconjugate.ts';
import { workingPad } from '../src/math/landscape1d.ts';
import { landscape2dRows } from './landscape2d.ts';
import { browserRows } from './browser.ts';
import { experimentLiveLines } from './experiment-live.ts';
import { imageEngineTable } from './image-engines.ts';
import { pageLoadTable } from './page-load.ts';
import { formatImageRows, formatRows, fusedRows, imageRows } from './fused.ts';
import { fashionSeedsTable } from './fashion-seeds.ts';
import { memoryTable } from './memory.ts';
import { sliceRows } from './slice.ts';
import { trainingRows } from './train.ts';
import { medianMs } from './timing.ts';


const preset = findPreset('sharp-flat');
if (!preset) throw new Error('sharp-flat preset missing');
const compiled = compileExpression(preset.expression);
if (!compiled.ok) throw new Error(compiled.error.message);
const loss = compiled.fn1;
const sigma = 0.5;
const rho = 0.3;

const rows: string[][] = [];
let previous: number | null = null;
for (const n of [1_000, 10_000, 100_000]) {
  // Enough runs that the median is not decided by where the garbage collector happens to pause.
  const runs = n >= 100_000 ? 3 : n >= 10_000 ? 15 : 41;
  // Warm every path first, so the order of the rows below does not decide who pays for the JIT.
  for (let k = 0; k < 2; k++) computeLandscape1D({ loss, from: -3, to: 3, points: n, sigma, rho });
  const theta = linspace(-3, 3, n);
  const grid = workingGrid(loss, -3, 3, n, workingPad(2.5, sigma, rho, 6));
  const outputs = new Int32Array(n).map((_, i) => grid.offset + i * grid.refine);
  const all = medianMs(() => computeLandscape1D({ loss, from: -3, to: 3, points: n, sigma, rho }), runs);
  const parts = {
    expected: medianMs(() => expectedCurve(loss, theta, sigma), runs),
    sam: medianMs(() => samCurve(loss, grid, outputs, rho), runs),
    relaxed: medianMs(() => relaxedCurve(loss, grid, outputs, sigma), runs),
    biconjugate: medianMs(() => biconjugateCurve(loss, grid, outputs, sigma), runs),
  };
  const growth = previous === null ? '—' : `${(all / previous).toFixed(1)}×`;
  previous = all;
  rows.push([`all five curves, sharp-flat, n = ${n.toLocaleString('en')}`, all.toFixed(2), growth,
    `E ${parts.expected.toFixed(2)} · S ${parts.sam.toFixed(2)} · R ${parts.relaxed.toFixed(2)} · B ${parts.biconjugate.toFixed(2)}`]);
}
const heat = medianMs(() => computeMSigmaGrid({ loss, mFrom: -3, mTo: 3, mPoints: 200, sigmaFrom: 0.05, sigmaTo: 2, sigmaPoints: 100 }), 3);
rows.push(['(m, σ) grid 200 × 100 (expected + biconjugate), sharp-flat', heat.toFixed(0), '—', 'computed in a Web Worker in the app']);

console.log(`Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`);
console.log('');
console.log('| case | median ms | growth vs previous n | parts (median ms) |');
console.log('|---|---:|---:|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);

// 2-D landscapes (issue 4).
console.log('');
console.log('| 2-D case | median ms | notes |');
console.log('|---|---:|---|');
for (const r of landscape2dRows()) console.log(`| ${r.join(' | ')} |`);

// Training speed (issue 3): Node cpu here; the browser backends need Chromium and are measured separately.
const training = await trainingRows();
console.log('');
console.log('| training case | steps/s (steady state, no evaluation) |');
console.log('|---|---:|');
for (const [name, rate] of training) console.log(`| ${name} | ${rate} |`);

// The hand-fused engine against tfjs, in Node (issue 3).
console.log('');
console.log(formatRows(await fusedRows()));

// The image classifiers of issue 13 on the fused engine: steps/s and the time of one epoch.
console.log('');
console.log(formatImageRows(imageRows()));

// The same settings on the real files per engine that runs in Node (fused, tfjs wasm, tfjs cpu).
console.log('');
console.log(await imageEngineTable());

// Issue 13's statistical check: SGD, SAM-SGD and bSAM over seeds 0–2 against JAX's accuracy (theory.md §8).
console.log('');
console.log(fashionSeedsTable());

// Issue 13's memory check: heap and live tensors over 10 epochs.
console.log('');
console.log(await memoryTable());

// The trained network's landscape (issue 4): a 41 × 41 slice with 16 posterior samples per point.
console.log('');
console.log('| network slice | median ms |');
console.log('|---|---:|');
for (const r of sliceRows()) console.log(`| ${r.name} | ${r.median.toFixed(0)} |`);

// Training in headless Chromium per backend, with the page's fps and long tasks (issue 3). BENCH_BROWSER=0 skips it.
if (process.env.BENCH_BROWSER !== '0') {
  console.log('');
  console.log('| browser case | backend | median steps/s | notes (medians) |');
  console.log('|---|---|---:|---|');
  for (const r of await browserRows()) console.log(`| ${r.join(' | ')} |`);
  // The Fashion-MNIST panel in the app (issue 13): time to 80% on the live preset, steps/s per engine.
  console.log('');
  for (const line of await experimentLiveLines()) console.log(line);
  // What opening the page costs: each panel's first settled status and Chromium's CPU seconds.
  console.log('');
  console.log(await pageLoadTable());
}
