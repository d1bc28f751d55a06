/**
 * The network slice on screen as a data file: one row per slice point (1-D) or grid cell (2-D, x
 * fastest, then y), with the training loss, the posterior's expected loss (bSAM only) and SAM's
 * max-loss. The network computes in float32, so every value — coordinates included — is written
 * with the digits a float32 has (−0.052, not −0.052000001072883606).
 */
import type { SliceResult } from '../../train/slice/compute-slice.ts';
import type { DataSource } from '../export/data-source.ts';
import type { DataColumn, DataTable } from '../../worker/data-table.ts';
import { float32Text } from '../../worker/number-text.ts';
import { SLICE_MAPS, sliceValues } from './slice-render.ts';

export function sliceTable(r: SliceResult): DataTable {
  const n = r.coords.length;
  const cells = r.dims === 2 ? n * n : n;
  const axes: DataColumn[] = [];
  if (r.dims === 2) {
    const xs = new Float32Array(cells);
    const ys = new Float32Array(cells);
    for (let i = 0; i < n; i++) {
      xs.set(r.coords, i * n);
      ys.fill(r.coords[i], i * n, (i + 1) * n);
    }
    axes.push({ name: 'x', description: `x: the step along ${r.xLabel}`, values: xs, precision: 'float32' });
    axes.push({ name: 'y', description: `y: the step along ${r.yLabel ?? 'the second direction'}`, values: ys, precision: 'float32' });
  } else axes.push({ name: 'x', description: `x: the step along ${r.xLabel}`, values: r.coords, precision: 'float32' });
  const values = SLICE_MAPS.flatMap(({ name, label }) => {
    const v = sliceValues(r, name);
    return v ? [{ name, description: label, values: v, precision: 'float32' as const }] : [];
  });
  return {
    format: 'sam-bayes-lab/network-slice',
    title: `The network's training loss on a ${r.dims}-D slice around its mean weights`,
    metadata: {
      dims: r.dims,
      points: n,
      span: Number(float32Text(-r.coords[0])),
      directions: r.dims === 2 ? [r.xLabel, r.yLabel] : [r.xLabel],
      trainingStep: r.step,
      rho: r.rho,
      posteriorSamples: r.expected ? r.samples : null,
      order: r.dims === 2 ? 'row-major: x varies fastest, then y' : 'along x',
    },
    columns: [...axes, ...values],
    notes: r.expected ? [] : ['No expected-loss column: the network has no posterior (it was not trained with bSAM).'],
    nonFiniteMeaning: { Infinity: 'the loss overflowed float32 at that point', NaN: 'the loss is not a number at that point (the network diverged there)' },
  };
}

/** The panel's Data buttons: the slice on screen (the last finished one). */
export function sliceData(shown: SliceResult | null, running: boolean): DataSource {
  if (running) return { ready: false, reason: 'A slice is being computed; the data can be saved when it is done.' };
  if (!shown) return { ready: false, reason: 'No slice yet: compute one first.' };
  return { ready: true, rows: shown.dims === 2 ? shown.coords.length ** 2 : shown.coords.length, table: () => sliceTable(shown) };
}
