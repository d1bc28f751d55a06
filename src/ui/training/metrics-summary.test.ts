import { describe, expect, it } from 'vitest';
import type { MetricPoint } from '../../worker/train-protocol.ts';
import { lossEnds, metricsSummary } from './metrics-summary.ts';

const points = (...losses: number[]) => losses.map((trainLoss, i) => ({ step: (i + 1) * 10, trainLoss }) as unknown as MetricPoint);

describe('lossEnds', () => {
  it('skips non-finite losses at either end', () => {
    expect(lossEnds(points(NaN, 0.9, 0.5, Infinity))).toEqual({ first: 0.9, last: 0.5 });
    expect(lossEnds(points(NaN))).toEqual({ first: null, last: null });
  });
});

describe('metricsSummary', () => {
  it('says there is nothing yet before a finite loss', () => {
    expect(metricsSummary([])).toBe('Metrics: none yet.');
    expect(metricsSummary([{ label: 'bSAM', metrics: points(NaN) }])).toBe('Metrics: none yet.');
  });
  it('names the run only when two are compared, and leaves out a compared run with no loss yet', () => {
    expect(metricsSummary([{ label: 'bSAM', metrics: points(0.69315, 0.1) }])).toBe('Metrics over 2 epochs: training loss from 0.693 to 0.100.');
    expect(metricsSummary([{ label: 'bSAM', metrics: points(0.7, 0.2) }, { label: 'SGD', metrics: points(0.8, 0.3) }])).toBe(
      'Metrics over 2 epochs: bSAM training loss from 0.700 to 0.200; SGD from 0.800 to 0.300.',
    );
    expect(metricsSummary([{ label: 'bSAM', metrics: points(0.7, 0.2) }, { label: 'SGD', metrics: [] }])).toBe('Metrics over 2 epochs: bSAM training loss from 0.700 to 0.200.');
  });
});
