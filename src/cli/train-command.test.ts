import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE } from '../state/experiment.ts';
import { encodeFragment } from '../state/permalink/index.ts';
import type { TrainingConfig } from '../state/training.ts';
import { TrainingRun } from '../train/run.ts';
import { tf } from '../train/tf.ts';
import { maxAbsDeviation, type TrajectoryPoint } from '../train/trace.ts';
import { weightsDigest } from './train-command.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TRACE = join(ROOT, '../shared/reference/bsam-official-mlp-tanh-f32.json');
const cli = (...args: string[]) =>
  // maxBuffer: the 784-input softmax trace's trajectory is about 1.2 MB of JSON (the default cap is 1 MB).
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });

describe('cli train --trace', () => {
  it('prints the trajectory of a reference trace, matching its expected steps to 2e-5, with nothing on stderr', () => {
    const run = cli('train', '--trace', TRACE);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const { trajectory } = JSON.parse(run.stdout) as { trajectory: TrajectoryPoint[] };
    const expected = JSON.parse(readFileSync(TRACE, 'utf8')).expected as TrajectoryPoint[];
    expect(trajectory).toHaveLength(expected.length);
    for (let t = 0; t < expected.length; t++) {
      for (const key of ['w', 's', 'gm'] as const) expect(maxAbsDeviation(trajectory[t][key], expected[t][key])).toBeLessThanOrEqual(2e-5);
    }
  });

  it('replays the multi-class softmax trace (784-8-10 ELU, one-hot y, K = 2) to 2e-5, loss included', () => {
    const file = join(ROOT, '../shared/reference/multiclass/bsam-official-fmnist-softmax-f32.json');
    const run = cli('train', '--trace', file);
    expect(run.status).toBe(0);
    const { trajectory } = JSON.parse(run.stdout) as { trajectory: TrajectoryPoint[] };
    const expected = JSON.parse(readFileSync(file, 'utf8')).expected as TrajectoryPoint[];
    expect(trajectory).toHaveLength(3);
    expected.forEach((step, t) => {
      for (const key of ['w', 's', 'gm'] as const) expect(maxAbsDeviation(trajectory[t][key], step[key])).toBeLessThanOrEqual(2e-5);
      expect(Math.abs(trajectory[t].loss_at_perturbed - step.loss_at_perturbed)).toBeLessThanOrEqual(2e-5);
    });
  });

  it('exits 2 with one line naming the problem for a missing file, bad JSON, a wrong format and wrong shapes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trace-'));
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const good = JSON.parse(readFileSync(TRACE, 'utf8'));
    const cases: [string, RegExp][] = [
      [join(dir, 'missing.json'), /cannot read --trace file/],
      [write('bad.json', '{"format": "bsam-trace/1",'), /is not valid JSON/],
      [write('wrong.json', JSON.stringify({ ...good, format: 'other/2' })), /not a bsam-trace\/1 file: format/],
      [write('shape.json', JSON.stringify({ ...good, X: good.X.map((r: number[]) => [...r, 0]) })), /every row of X must have 2 inputs/],
    ];
    for (const [path, message] of cases) {
      const run = cli('train', '--trace', path);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    }
    expect(cli('train').stderr).toMatch(/train needs exactly one of --config/);
  });
});

describe('cli train --config', () => {
  it('prints one JSON line per epoch and a summary, the same numbers on every run; bad configs exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'config-'));
    const state = { ...DEFAULT_STATE, training: { ...DEFAULT_STATE.training, epochs: 3, predictiveSamples: 4 } };
    const path = join(dir, 'state.json');
    writeFileSync(path, JSON.stringify(state));
    const first = cli('train', '--config', path);
    expect(first.status).toBe(0);
    expect(first.stderr).toBe('');
    const lines = first.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    lines.slice(0, 3).forEach((line, e) => {
      expect(line.epoch).toBe(e + 1);
      expect(line.step).toBe(3 * (e + 1)); // 100 points, batch 30: the irregular last batch is skipped
      for (const key of ['train_loss', 'test_accuracy', 'nll', 'ece']) expect(Number.isFinite(line[key])).toBe(true);
    });
    expect(lines[3].summary).toMatchObject({ epochs: 3, steps: 9, optimizer: 'bsam' });
    // Everything but the wall time is the same on every run.
    const untimed = (text: string) => text.replace(/"train_seconds":[^,}]+/, '"train_seconds":0');
    expect(untimed(cli('train', '--config', path).stdout)).toBe(untimed(first.stdout));

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...state, training: { ...state.training, batchSize: 0 } }));
    const run = cli('train', '--config', bad);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: --config file .* is not a valid experiment state: training\.batchSize: /);
  });
});

describe('exact replay: a link run to step T', () => {
  const T = 5; // mid-epoch: 100 points in batches of 30 make 3 steps per epoch
  const training = { ...DEFAULT_STATE.training, epochs: 3, predictiveSamples: 4, stopAt: T };
  const fragment = encodeFragment({ ...DEFAULT_STATE, training });

  /** The training code itself, not the CLI: T steps of TrainingRun on tfjs cpu, then what the app shows. */
  async function runInProcess(config: TrainingConfig) {
    await tf.setBackend('cpu');
    await tf.ready();
    const run = new TrainingRun(config);
    try {
      const losses: number[] = [];
      while (run.step < T) losses.push(run.advance().loss);
      const e = run.evaluate();
      return { step: run.step, epoch: run.epoch, step_loss: losses[losses.length - 1], accuracy: e.accuracy, nll: e.nll, ece: e.ece, evaluated_on: e.on, weights_digest: weightsDigest(run.weights.map((t) => t.dataSync())), losses };
    } finally {
      run.dispose();
    }
  }

  it('gives the same numbers twice in-process, and the CLI prints exactly those for --config --steps T and for the link', async () => {
    expect(fragment).toBe('v=1&tr.epochs=3&tr.predictiveSamples=4&tr.stopAt=5');
    const first = await runInProcess(training);
    const second = await runInProcess(training);
    expect(second).toEqual(first);
    expect(first.losses.every(Number.isFinite)).toBe(true);
    expect(first).toMatchObject({ step: T, epoch: 1 });

    const dir = mkdtempSync(join(tmpdir(), 'replay-'));
    const path = join(dir, 'state.json');
    writeFileSync(path, JSON.stringify({ ...DEFAULT_STATE, training: { ...training, stopAt: null } }));
    const byConfig = cli('train', '--config', path, '--steps', String(T));
    expect(byConfig.stderr).toBe('');
    expect(byConfig.status).toBe(0);
    const lines = byConfig.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2); // epoch 1 (step 3), then the stop at step 5
    expect(lines[0]).toMatchObject({ epoch: 1, step: 3 });
    const { losses, ...expected } = first;
    expect(lines[1].stopped).toEqual(expected);
    expect(losses).toHaveLength(T);

    // The link alone (stopAt in it) gives the same output, byte for byte, as does a full URL.
    const byLink = cli('train', '--link', `#${fragment}`);
    expect(byLink.stderr).toBe('');
    expect(byLink.stdout).toBe(byConfig.stdout);
    expect(cli('train', '--link', `https://example.org/lab/#${fragment}`).stdout).toBe(byConfig.stdout);
  });

  it('is sensitive to each seed: another noise seed changes the weights at step T', async () => {
    const base = await runInProcess(training);
    const other = await runInProcess({ ...training, seeds: { ...training.seeds, noise: 1 } });
    expect(other.weights_digest).not.toBe(base.weights_digest);
  });

  it('--engine fused runs the fused engine: its own trajectory (another digest), the same steps, equal to tfjs up to float32 rounding; a bad engine exits 2', async () => {
    const tfjs = await runInProcess(training);
    const run = cli('train', '--link', `#${fragment}`, '--engine', 'fused');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const stopped = JSON.parse(run.stdout.trim().split('\n').at(-1) as string).stopped;
    expect(stopped).toMatchObject({ step: T, epoch: 1, evaluated_on: tfjs.evaluated_on });
    expect(Math.abs(stopped.step_loss - tfjs.step_loss)).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(stopped.accuracy - tfjs.accuracy)).toBeLessThanOrEqual(0.02);
    // The same run again gives the same weights bit for bit.
    expect(JSON.parse(cli('train', '--link', `#${fragment}`, '--engine', 'fused').stdout.trim().split('\n').at(-1) as string).stopped).toEqual(stopped);
    const bad = cli('train', '--link', `#${fragment}`, '--engine', 'gpu');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--engine must be one of tfjs-cpu, fused, not 'gpu'/);
  });

  it('lists what a link holds that is not used on stderr, and rejects bad --steps', () => {
    const run = cli('train', '--link', 'v=1&tr.epochs=1&tr.predictiveSamples=2&tr.stopAt=2&tr.zoom=3', '--steps', '1');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('warning: link tr.zoom: unknown key (ignored)\n');
    expect(JSON.parse(run.stdout.trim()).stopped.step).toBe(1);
    for (const bad of ['0', '1.5']) {
      const r = cli('train', '--link', 'v=1', '--steps', bad);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/--steps must be a whole number/);
    }
    expect(cli('train', '--config', 'a.json', '--link', 'v=1').stderr).toMatch(/exactly one of --config <file>, --link <link> or --trace <file>/);
  });
});
