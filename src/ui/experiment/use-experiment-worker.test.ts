import { describe, expect, it } from 'vitest';
import type { ExperimentEpochRecord, ExperimentResponse } from '../../worker/experiment-protocol.ts';
import { INITIAL_VIEW, reduceView, type ExperimentView } from './use-experiment-worker.ts';

const metrics = { accuracy: 0.8, nll: 0.5, ece: 0.03, auroc: 0.85 };
const record = (epoch: number): ExperimentEpochRecord => ({ epoch, trainLoss: 1 / epoch, mean: metrics, bayes: null, trainSeconds: 0.1 });

describe('the experiment panel’s view of its worker', () => {
  it('files each epoch under its run, replaces a run when it is done, and says when loading failed', () => {
    let v: ExperimentView = {
      ...INITIAL_VIEW,
      status: 'running',
      results: [
        { optimizer: 'sgd', seed: 0, epochs: [], finished: false, reliability: null },
        { optimizer: 'bsam', seed: 0, epochs: [], finished: false, reliability: null },
      ],
    };
    const messages: ExperimentResponse[] = [
      { type: 'epoch', run: 0, record: record(1) },
      { type: 'epoch', run: 1, record: record(1) },
      { type: 'epoch', run: 1, record: record(2) },
    ];
    for (const m of messages) v = reduceView(v, m);
    expect(v.results.map((r) => r.epochs.map((e) => e.epoch))).toEqual([[1], [1, 2]]);
    const result = { optimizer: 'sgd' as const, seed: 0, epochs: [record(1)], finished: true, reliability: { mean: [], bayes: null } };
    const predictions = { optimizer: 'sgd' as const, seed: 0, classes: 10, mean: new Float32Array(10), bayes: null };
    v = reduceView(v, { type: 'run-done', run: 0, result, predictions });
    expect(v.results[0]).toBe(result);
    expect(v.predictions).toEqual([predictions]);
    expect(reduceView(v, { type: 'finished' }).status).toBe('finished');
    expect(reduceView(v, { type: 'load-error', message: 'the server answered 404' }).load).toEqual({ status: 'failed', message: 'the server answered 404' });
    expect(reduceView(v, { type: 'progress', run: 1, runs: 2, epoch: 0, epochs: 2, step: 3, stepsPerEpoch: 20, doneSteps: 43, totalSteps: 80, etaSeconds: 2, paused: true }).status).toBe('paused');
  });
});
