import { describe, expect, it } from 'vitest';
import { ArenaMlp } from '../dense/arena-mlp.ts';
import { computeSliceNow, sliceProblem, type SliceSettings } from './compute-slice.ts';
import { filterNormalisedDirection, largestVarianceDirection } from './directions.ts';
import { layerSlots, parameterName } from './snapshot.ts';
import { testSnapshot } from './test-snapshot.ts';

const snapshot = testSnapshot;

const settings: SliceSettings = { dims: 2, axis: 'random', points: 9, span: 1, samples: 4, rho: 0.05, seed: 3 };

describe('network slices', () => {
  it('filter-normalised directions: every filter has the norm of the weights’ filter, biases are zero', () => {
    const s = snapshot(false);
    const d = filterNormalisedDirection(s, 1).vector;
    for (const slot of layerSlots(s.sizes)) {
      for (let j = 0; j < slot.fanOut; j++) {
        let nd = 0;
        let nw = 0;
        for (let i = 0; i < slot.fanIn; i++) {
          nd += d[slot.w + i * slot.fanOut + j] ** 2;
          nw += s.weights[slot.w + i * slot.fanOut + j] ** 2;
        }
        expect(Math.sqrt(nd)).toBeCloseTo(Math.sqrt(nw), 5);
      }
      for (let j = 0; j < slot.fanOut; j++) expect(d[slot.b + j]).toBe(0);
    }
    expect(filterNormalisedDirection(s, 2).vector).not.toEqual(d);
  });

  it('the largest-variance direction is the parameter with the largest posterior std', () => {
    const s = snapshot(true);
    const d = largestVarianceDirection(s);
    const std = s.posteriorStd as Float32Array;
    const best = std.indexOf(Math.max(...std));
    expect(Array.from(d?.vector ?? []).findIndex((v) => v !== 0)).toBe(best);
    expect(d?.label).toContain(parameterName(s.sizes, best));
    expect(largestVarianceDirection(snapshot(false))).toBeNull();
  });

  it('at the centre the loss is the network’s loss; ρ = 0 gives SAM = loss; a zero posterior gives E = loss', () => {
    const s = snapshot(true);
    const mlp = new ArenaMlp({ sizes: s.sizes, activation: s.activation, maxRows: s.labels.length });
    mlp.setData(s.inputs, s.labels, s.labels.length);
    mlp.params.set(s.weights);
    const centre = (settings.points * settings.points - 1) / 2;
    const flat = computeSliceNow({ ...s, posteriorStd: new Float32Array(s.weights.length) }, { ...settings, rho: 0 });
    expect(flat.loss[centre]).toBeCloseTo(mlp.loss(), 6);
    flat.loss.forEach((l, i) => {
      expect(flat.sam[i]).toBe(l);
      expect(flat.expected?.[i]).toBeCloseTo(l, 6);
    });
  });

  it('SAM’s first-order max-loss is above the loss, and a posterior raises the expected loss near a minimum on average', () => {
    const s = snapshot(true);
    const r = computeSliceNow(s, { ...settings, rho: 1e-3 });
    r.loss.forEach((l, i) => expect(r.sam[i]).toBeGreaterThanOrEqual(l - 1e-6));
    expect(r.expected).not.toBeNull();
    expect(r.loss.every(Number.isFinite) && (r.expected as Float32Array).every(Number.isFinite)).toBe(true);
    expect(r.xLabel).toMatch(/filter-normalised/);
    expect(r.yLabel).toMatch(/filter-normalised/);
  });

  it('is reproducible, and 1-D slices have one row', () => {
    const s = snapshot(true);
    expect(computeSliceNow(s, settings)).toEqual(computeSliceNow(s, settings));
    const line = computeSliceNow(s, { ...settings, dims: 1, axis: 'variance', points: 11 });
    expect(line.loss.length).toBe(11);
    expect(line.yLabel).toBeNull();
    expect(line.xLabel).toMatch(/largest posterior std/);
  });

  it('has no expected loss without a posterior, and says why a variance slice needs bSAM', () => {
    const s = snapshot(false);
    expect(computeSliceNow(s, settings).expected).toBeNull();
    expect(sliceProblem(s, { ...settings, axis: 'variance' })).toMatch(/bSAM/);
    expect(sliceProblem(s, { ...settings, points: 1 })).toMatch(/points/);
    expect(() => computeSliceNow(s, { ...settings, span: Number.NaN })).toThrow(/span/);
  });
});
