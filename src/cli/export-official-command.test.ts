import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE } from '../state/experiment.ts';
import { encodeFragment } from '../state/permalink/index.ts';
import { FASHION_OFFICIAL } from '../state/training-presets.ts';
import { runCli } from './cli.ts';

const official = encodeFragment({ ...DEFAULT_STATE, training: FASHION_OFFICIAL });

describe('cli export-official', () => {
  it('prints the train.py and test.py lines of a link, nothing on stderr for the official preset', () => {
    const r = runCli(['export-official', '--link', `https://example.org/lab/#${official}`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'python3 train.py --dataset fashion --model mlp --optim bsam --alpha 0.5 --rho 0.01 --beta1 0.9 --beta2 0.999 --priorprec 40 --dafactor 1 --batchsize 200 --batchsplit 8 --epochs 180 --warmup 5 --damping 0.1 --randomseed 0\n' +
        'python3 test.py --resultsfolder results/fashion_mlp/bsam/run_0 --testmc 32\n',
    );
  });

  it('JSON, and warnings on stderr for what the official code cannot express', () => {
    const r = runCli(['export-official', '--link', 'v=1&tr.optimizer.kind=sgd', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.train.slice(0, 6)).toEqual(['--dataset', 'fashion', '--model', 'mlp', '--optim', 'sgd']);
    expect(out.train_line).toBe(`python3 train.py ${out.train.join(' ')}`);
    expect(out.warnings.length).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/^warning: the official code has no 'moons' dataset/);
  });

  it('bad arguments exit 2 with one line', () => {
    expect(runCli(['export-official']).stderr).toMatch(/needs exactly one of --config <file> or --link <link>/);
    expect(runCli(['export-official', '--link', 'v=1', '--format', 'yaml'])).toMatchObject({ code: 2, stderr: "error: --format must be text or json, got 'yaml'\n" });
    expect(runCli(['--help']).stdout).toMatch(/export-official/);
  });
});
