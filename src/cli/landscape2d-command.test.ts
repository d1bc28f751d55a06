import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GRIDS = ['loss', 'expected', 'sam', 'relaxed'] as const;

function ok(argv: string[]) {
  const r = runCli(argv);
  expect(r.stderr, r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('runCli landscape2d', () => {
  it('prints x, y and four N×N row-major grids (row i is y_i) with the closed forms of a bowl', () => {
    const out = ok(['landscape2d', '--loss', '0.5*(x^2 + 4*y^2)', '--x', '-1:1', '--y', '0:2', '--points', '5', '--sigma', '0.3', '--rho', '0.2']);
    expect(out.params).toEqual({ loss: '0.5*(x^2 + 4*y^2)', x: [-1, 1], y: [0, 2], points: 5, sigma: 0.3, rho: 0.2 });
    expect(out.x).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(out.y).toEqual([0, 0.5, 1, 1.5, 2]);
    for (const name of GRIDS) {
      expect(out[name], name).toHaveLength(5);
      for (const row of out[name]) expect(row).toHaveLength(5);
    }
    for (let i = 0; i < 5; i++)
      for (let j = 0; j < 5; j++) {
        const [x, y] = [out.x[j], out.y[i]];
        expect(out.loss[i][j]).toBeCloseTo(0.5 * (x * x + 4 * y * y), 12);
        expect(out.expected[i][j]).toBeCloseTo(out.loss[i][j] + (0.09 * 5) / 2, 8);
        expect(out.relaxed[i][j]).toBeCloseTo((x * x) / (2 * 0.91) + (2 * y * y) / (1 - 0.36), 6);
        expect(out.sam[i][j]).toBeGreaterThanOrEqual(out.loss[i][j]);
      }
    expect(out.warnings).toEqual([]);
  });

  it('takes a preset with its own view and σ, ρ, and negative ranges', () => {
    const out = ok(['landscape2d', '--loss', 'saddle', '--points', '4']);
    expect(out.params).toMatchObject({ loss: 'saddle', x: [-3, 3], y: [-3, 3], points: 4, sigma: 0.3, rho: 0.2 });
    const neg = ok(['landscape2d', '--loss', 'x*y', '--x', '-3:-1', '--y', '-1e-1:2', '--points', '2']);
    expect(neg.x).toEqual([-3, -1]);
    expect(neg.y).toEqual([-0.1, 2]);
  });

  it('writes non-finite values as null, with a warning', () => {
    const out = ok(['landscape2d', '--loss', 'log(x)', '--x', '-1:1', '--y', '0:1', '--points', '3']);
    expect(out.loss[0].slice(0, 2)).toEqual([null, null]);
    expect(out.warnings.join(' ')).toMatch(/loss: \d+ of 9 values are not finite/);
  });

  it.each([
    [['landscape2d'], /--loss is required/],
    [['landscape2d', '--loss', 'x +* y'], /invalid --loss expression 'x \+\* y': .*column 4/],
    [['landscape2d', '--loss', 'theta^2'], /Unknown name 'theta'.*'x', 'y'.*column 1/],
    [['landscape2d', '--loss', 'sharp-flatt'], /unknown preset 'sharp-flatt'/],
    [['landscape2d', '--loss', 'x', '--x', '1'], /--x must be a range A:B, got '1'/],
    [['landscape2d', '--loss', 'x', '--x', '2:1'], /--x: 2 must be less than 1/],
    [['landscape2d', '--loss', 'x', '--y', 'a:1'], /--y must be a finite number, got 'a'/],
    [['landscape2d', '--loss', 'x', '--points', '1'], /--points must be an integer from 2 to 1024/],
    [['landscape2d', '--loss', 'x', '--sigma', '0'], /--sigma must be greater than 0/],
    [['landscape2d', '--loss', 'x', '--rho', '-1'], /--rho must be at least 0/],
    [['landscape2d', '--loss', 'x', '--from', '1'], /unknown option '--from'/],
  ])('%j exits 2 with one error line', (argv, message) => {
    const r = runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: [^\n]+\n$/);
    expect(r.stderr).toMatch(message);
  });

  it('--help lists the options and the usage lists the command', () => {
    expect(runCli(['landscape2d', '--help']).stdout).toMatch(/--x <A:B>/);
    expect(runCli(['--help']).stdout).toMatch(/landscape2d/);
  });
});

describe('the real CLI process: landscape2d', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

  it('prints parseable JSON, and exits 2 with one stderr line on a bad expression', () => {
    const good = cli('landscape2d', '--loss', 'sharp-flat-2d', '--x', '-3:3', '--y', '-2:2', '--points', '16', '--sigma', '0.4', '--rho', '0.3');
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
    const out = JSON.parse(good.stdout);
    expect(out.x).toHaveLength(16);
    expect(out.relaxed).toHaveLength(16);
    expect(out.relaxed[15]).toHaveLength(16);

    const bad = cli('landscape2d', '--loss', 'x^', '--points', '4');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^error: invalid --loss expression 'x\^': .*column 3\)\n$/);
  });
});
