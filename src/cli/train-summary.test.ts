import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';

/** runCli with a sink, as main.ts calls it: what is streamed, chunk by chunk, and the result. */
function streamed(argv: string[]) {
  const chunks: string[] = [];
  const result = runCli(argv, { write: (t) => void chunks.push(t) });
  return { chunks, result };
}

const metricKeys = ['accuracy', 'nll', 'ece', 'auroc'];

describe('cli train: streamed epochs and the paper’s metrics', () => {
  it('writes each epoch line as its epoch ends, then a summary with mean, bayes and train_seconds', () => {
    const { chunks, result } = streamed(['train', '--link', 'v=1&tr.epochs=2&tr.predictiveSamples=3']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    // One write per line: the epochs are not held back until the end.
    expect(chunks).toHaveLength(3);
    expect(chunks.every((c) => c.endsWith('\n') && c.indexOf('\n') === c.length - 1)).toBe(true);
    const [e1, e2, { summary }] = chunks.map((c) => JSON.parse(c));
    expect([e1.epoch, e2.epoch]).toEqual([1, 2]);
    expect(summary).toMatchObject({ epochs: 2, steps: 6, optimizer: 'bsam', evaluated_on: 'train' });
    for (const key of ['accuracy', 'nll', 'ece']) expect(Number.isFinite(summary[key])).toBe(true);
    for (const part of [summary.mean, summary.bayes]) {
      expect(Object.keys(part)).toEqual(metricKeys);
      expect(part.accuracy).toBeGreaterThanOrEqual(0);
      expect(part.accuracy).toBeLessThanOrEqual(1);
      expect(part.auroc).toBeGreaterThanOrEqual(0);
      expect(part.auroc).toBeLessThanOrEqual(1);
      expect(part.nll).toBeGreaterThan(0);
    }
    // The app's accuracy is bSAM's averaged predictive: the same argmax as the paper's model average.
    expect(summary.bayes.accuracy).toBe(summary.accuracy);
    expect(summary.train_seconds).toBeGreaterThan(0);
    // Without a sink, the same text is collected in stdout.
    const collected = runCli(['train', '--link', 'v=1&tr.epochs=2&tr.predictiveSamples=3']);
    const strip = (text: string) => text.replace(/"train_seconds":[^,}]+/, '"train_seconds":0');
    expect(strip(collected.stdout)).toBe(strip(chunks.join('')));
  }, 120_000);

  it('SGD has mean metrics only (no posterior to average)', () => {
    const { chunks } = streamed(['train', '--link', 'v=1&tr.epochs=1&tr.optimizer.kind=sgd']);
    const { summary } = JSON.parse(chunks.at(-1) as string);
    expect(Object.keys(summary.mean)).toEqual(metricKeys);
    expect(summary.bayes).toBeUndefined();
  }, 120_000);

  it('issue 11: a run that diverges before --steps ends prints null metrics and a warning, not "reading \'count\'"', () => {
    // bSAM at α = 10⁴ with a cosine over 100,000 epochs (a factor ≈ 1): the loss is NaN by step 3. The issue's
    // own link (α 0.5, 1,500 steps) diverges the same way, only slower (at step 1,111 on the CLI's tfjs cpu run).
    const { chunks, result } = streamed(['train', '--link', 'v=1&tr.optimizer.learningRate=10000&tr.epochs=100000', '--steps', '6']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^warning: the run diverged \(the loss was not finite first at step \d\); metrics it cannot define are null\n$/);
    const { stopped } = JSON.parse(chunks.at(-1) as string);
    expect(stopped).toMatchObject({ step: 6, step_loss: null, accuracy: null, nll: null, ece: null });
  }, 120_000);
});

describe('cli train --config: partial files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'partial-'));
  const file = (name: string, value: unknown) => {
    writeFileSync(join(dir, name), JSON.stringify(value));
    return join(dir, name);
  };

  it('a file with only the fields a person cares about trains, the rest default', () => {
    const path = file('partial.json', { training: { epochs: 1, predictiveSamples: 2, optimizer: { kind: 'sam-sgd' } } });
    const r = runCli(['train', '--config', path]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1) as string).summary).toMatchObject({ epochs: 1, optimizer: 'sam-sgd' });
  }, 120_000);

  it('a field that is there and wrong is an error naming every such field', () => {
    const path = file('bad.json', { training: { batchSize: 0, optimizer: { kind: 'adamw' }, zoom: 2 } });
    const r = runCli(['train', '--config', path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: --config file '.*bad\.json' is not a valid experiment state: /);
    expect(r.stderr).toMatch(/training\.batchSize: 0 is below the minimum 1/);
    expect(r.stderr).toMatch(/training\.optimizer\.kind: Invalid option: expected one of "sgd"/);
    expect(r.stderr).toMatch(/training\.zoom: unknown key/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('cli train on Fashion-MNIST', () => {
  it('trains a 784-16-10 bSAM MLP on the shipped images: epoch lines, then the paper’s metrics on the 10,000 test images', () => {
    const link = 'v=1&tr.dataset.kind=fashion-mnist&tr.dataset.size=200&tr.model.hidden=16&tr.optimizer.kind=bsam&tr.batchSize=50&tr.epochs=1&tr.predictiveSamples=2';
    const { chunks, result } = streamed(['train', '--link', link]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(chunks).toHaveLength(2);
    const [epoch, { summary }] = chunks.map((c) => JSON.parse(c));
    expect(epoch).toMatchObject({ epoch: 1, step: 4 });
    for (const key of ['train_loss', 'test_accuracy', 'nll', 'ece']) expect(Number.isFinite(epoch[key])).toBe(true);
    expect(summary).toMatchObject({ epochs: 1, steps: 4, optimizer: 'bsam', evaluated_on: 'test' });
    for (const part of [summary.mean, summary.bayes]) {
      expect(Object.keys(part)).toEqual(metricKeys);
      // Ten classes: better than chance after 4 steps, and a finite NLL near log 10 or below.
      expect(part.accuracy).toBeGreaterThan(0.15);
      expect(part.accuracy).toBeLessThanOrEqual(1);
      expect(part.nll).toBeGreaterThan(0);
      expect(part.nll).toBeLessThan(2.5);
      expect(part.ece).toBeGreaterThanOrEqual(0);
      expect(part.auroc).toBeGreaterThan(0.5);
      expect(part.auroc).toBeLessThanOrEqual(1);
    }
    expect(summary.bayes.accuracy).toBe(summary.accuracy);
    expect(summary.train_seconds).toBeGreaterThan(0);
  }, 120_000);
});
