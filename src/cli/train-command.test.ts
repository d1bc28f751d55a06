import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE } from '../state/experiment.ts';
import { maxAbsDeviation, type TrajectoryPoint } from '../train/trace.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TRACE = join(ROOT, '../shared/reference/bsam-official-mlp-tanh-f32.json');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

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
    expect(cli('train', '--config', path).stdout).toBe(first.stdout);

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...state, training: { ...state.training, batchSize: 0 } }));
    const run = cli('train', '--config', bad);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: --config file .* is not a valid experiment state: training\.batchSize: /);
  });
});
