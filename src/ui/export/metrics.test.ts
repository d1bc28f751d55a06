import { describe, expect, it } from 'vitest';
import { OFFICIAL_BSAM_DEMO } from '../../state/training.ts';
import type { MetricPoint } from '../../worker/train-protocol.ts';
import { CSV_HEADER, metricsToCsv, metricsToJson } from './metrics.ts';

const bsam: MetricPoint[] = [
  { epoch: 1, step: 4, trainLoss: 0.6931, testAccuracy: 0.5, nll: 0.7, ece: 0.12 },
  { epoch: 2, step: 8, trainLoss: 0.25, testAccuracy: 0.9375, nll: 0.31, ece: 0.05 },
  { epoch: 3, step: 12, trainLoss: Infinity, testAccuracy: 0.5, nll: NaN, ece: -Infinity },
];
const sam: MetricPoint[] = [{ epoch: 1, step: 4, trainLoss: 0.5, testAccuracy: 0.75, nll: 0.6, ece: 0.2 }];

/** A strict reader of the written format: rectangular, numeric metrics with spelled-out non-finites. */
function readCsv(text: string): { header: string[]; rows: string[][] } {
  expect(text.endsWith('\n')).toBe(true);
  const [head, ...body] = text.trimEnd().split('\n');
  const header = head.split(',');
  const rows = body.map((line) => {
    const cells = line.split(',');
    expect(cells).toHaveLength(header.length);
    for (const c of cells.slice(2)) expect(c).toMatch(/^(-?Infinity|NaN|-?\d+(\.\d+)?(e[+-]?\d+)?)$/);
    return cells;
  });
  return { header, rows };
}

describe('metricsToCsv', () => {
  it('writes a header and one row per epoch and run, which read back exactly', () => {
    const csv = readCsv(metricsToCsv([{ optimizer: 'bsam', metrics: bsam }, { optimizer: 'sam-sgd', metrics: sam }]));
    expect(csv.header).toEqual(['run', 'optimizer', 'epoch', 'step', 'trainLoss', 'testAccuracy', 'nll', 'ece']);
    expect(csv.rows).toHaveLength(4);
    expect(csv.rows[1].map((c, i) => (i < 2 ? c : Number(c)))).toEqual(['1', 'bsam', 2, 8, 0.25, 0.9375, 0.31, 0.05]);
    expect(csv.rows[3]).toEqual(['2', 'sam-sgd', '1', '4', '0.5', '0.75', '0.6', '0.2']);
  });

  it('keeps the non-finite values of a diverged run distinguishable', () => {
    const rows = metricsToCsv([{ optimizer: 'bsam', metrics: bsam }]).trimEnd().split('\n');
    expect(rows[3]).toBe('1,bsam,3,12,Infinity,0.5,NaN,-Infinity');
  });

  it('quotes a run name that is not a plain word', () => {
    expect(metricsToCsv([{ optimizer: 'a,"b"', metrics: sam }]).split('\n')[1]).toBe('1,"a,""b""",1,4,0.5,0.75,0.6,0.2');
  });

  it('is just the header without history', () => {
    expect(metricsToCsv([])).toBe(`${CSV_HEADER}\n`);
    expect(metricsToCsv([{ optimizer: 'sgd', metrics: [] }])).toBe(`${CSV_HEADER}\n`);
  });
});

describe('metricsToJson', () => {
  it('parses as JSON with the runs, the config and when it was exported', () => {
    const at = new Date(Date.UTC(2026, 10, 26, 20, 0, 0));
    const json = JSON.parse(
      metricsToJson([{ optimizer: 'bsam', metrics: bsam }, { optimizer: 'sam-sgd', metrics: sam }], {
        config: OFFICIAL_BSAM_DEMO,
        evaluatedOn: 'train',
        exportedAt: at,
      }),
    );
    expect(json.format).toBe('sam-bayes-lab/metrics');
    expect(json.version).toBe(1);
    expect(json.exportedAt).toBe('2026-11-26T20:00:00.000Z');
    expect(json.evaluatedOn).toBe('train');
    expect(json.config.optimizer.kind).toBe('bsam');
    // The stated stride of the rows: the demo's 250 epochs are all recorded.
    expect(json.recordedEveryEpochs).toBe(1);
    expect(json.runs.map((r: { run: number; optimizer: string }) => [r.run, r.optimizer])).toEqual([
      [1, 'bsam'],
      [2, 'sam-sgd'],
    ]);
    expect(json.runs[0].rows).toHaveLength(3);
    expect(json.runs[0].rows[0]).toEqual({ epoch: 1, step: 4, trainLoss: 0.6931, testAccuracy: 0.5, nll: 0.7, ece: 0.12 });
  });

  it('writes non-finite values as null, since JSON has no NaN or Infinity', () => {
    const json = JSON.parse(metricsToJson([{ optimizer: 'bsam', metrics: bsam }]));
    expect(json.runs[0].rows[2]).toEqual({ epoch: 3, step: 12, trainLoss: null, testAccuracy: 0.5, nll: null, ece: null });
    expect(json.config).toBeNull();
    expect(json.recordedEveryEpochs).toBeNull();
    expect(json.exportedAt).toBeNull();
  });
});
