import { describe, expect, it } from 'vitest';
import { OBJECTIVES } from '../math/objectives.ts';
import { runCli } from './cli.ts';

const ARRAYS = ['theta', 'loss', 'expected', 'sam', 'relaxed', 'eps', 'biconjugate', 'rho_eq'];

function ok(argv: string[]) {
  const r = runCli(argv);
  expect(r.stderr, r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r;
}

describe('runCli landscape: success', () => {
  it('JSON: theta is linspace(from, to, N), every array has N entries, argmin per objective, params echoed', () => {
    const r = ok(['landscape', '--loss', 'quadratic', '--from', '-2', '--to', '2', '--points', '41', '--sigma', '0.4', '--rho', '0.2']);
    const out = JSON.parse(r.stdout);
    expect(out.params).toEqual({ loss: 'quadratic', from: -2, to: 2, points: 41, sigma: 0.4, rho: 0.2 });
    for (const name of ARRAYS) expect(out[name], name).toHaveLength(41);
    out.theta.forEach((t: number, i: number) => expect(t).toBeCloseTo(-2 + 0.1 * i, 12));
    out.loss.forEach((l: number, i: number) => expect(l).toBeCloseTo(0.5 * out.theta[i] ** 2, 12));
    expect(Object.keys(out.argmin).sort()).toEqual([...OBJECTIVES].sort());
    expect(out.argmin.loss).toBeCloseTo(0, 12);
    expect(Array.isArray(out.warnings)).toBe(true);
    expect(r.stdout.endsWith('\n')).toBe(true);
  });

  it('JSON defaults: -3..3, 201 points, σ 0.5, ρ 0.3; an expression works as --loss', () => {
    const out = JSON.parse(ok(['landscape', '--loss', '0.1*theta^2 + 0.3*sin(8*theta)']).stdout);
    expect(out.params).toEqual({ loss: '0.1*theta^2 + 0.3*sin(8*theta)', from: -3, to: 3, points: 201, sigma: 0.5, rho: 0.3 });
    expect(out.theta).toHaveLength(201);
    expect(out.theta[0]).toBe(-3);
    expect(out.theta[200]).toBe(3);
  });

  it('negative values and expressions starting with a minus sign are accepted', () => {
    const out = JSON.parse(ok(['landscape', '--loss', '-cos(theta)', '--from', '-1', '--to', '-0.5', '--points', '3']).stdout);
    expect(out.theta).toEqual([-1, -0.75, -0.5]);
    expect(out.loss[0]).toBeCloseTo(-Math.cos(1), 14);
  });

  it('non-finite values become null and are explained in warnings', () => {
    const out = JSON.parse(ok(['landscape', '--loss', 'log(theta)', '--from', '-1', '--to', '1', '--points', '5']).stdout);
    expect(out.loss.slice(0, 3)).toEqual([null, null, null]); // log(−1), log(−0.5): NaN; log(0): −∞
    expect(out.warnings).toContain('loss: 2 of 5 values are not computable (NaN, written as null)');
    expect(out.warnings).toContain('loss: 1 of 5 values are minus infinite (-Infinity, written as null)');
  });

  it('CSV: header, N rows, empty cells for non-finite values, warnings on stderr', () => {
    const r = runCli(['landscape', '--loss', 'log(theta)', '--from', '-1', '--to', '1', '--points', '5', '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('theta,loss,expected,sam,relaxed,eps,biconjugate,rho_eq');
    expect(lines).toHaveLength(6);
    for (const line of lines.slice(1)) expect(line.split(',')).toHaveLength(8);
    expect(lines[1].split(',').slice(0, 2)).toEqual(['-1', '']);
    expect(Number(lines[5].split(',')[1])).toBe(0); // log(1)
    const warnings = r.stderr.trimEnd().split('\n');
    expect(warnings.every((w) => w.startsWith('warning: '))).toBe(true);
    expect(warnings).toContain('warning: loss: 2 of 5 values are not computable (NaN, written as empty cells)');
  });

  it('CSV of a well-behaved loss has no warnings', () => {
    const r = ok(['landscape', '--loss', 'abs(theta)', '--points', '11', '--format', 'csv']);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(12);
  });

  it('--help prints usage with exit code 0', () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['landscape', '--help'], ['landscape', '-h']]) {
      const r = runCli(argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage:/);
      expect(r.stderr).toBe('');
    }
    expect(runCli(['landscape', '--help']).stdout).toMatch(/--sigma/);
  });
});

describe('runCli: bad arguments → exit 2, one error line, nothing on stdout', () => {
  const base = ['landscape', '--loss', 'quadratic'];
  it.each([
    [[], /missing command/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['--sigma', '1'], /option '--sigma' before a command/],
    [[...base, '--bogus', '1'], /unknown option '--bogus'/],
    [[...base, 'extra'], /unexpected argument 'extra'/],
    [['landscape'], /--loss is required/],
    [['landscape', '--loss', ''], /--loss is empty/],
    [['landscape', '--loss', 'theta +* 2'], /invalid --loss expression 'theta \+\* 2': .*found '\*' \(column 8\)/],
    [['landscape', '--loss', 'foo(theta)'], /Unknown function 'foo'.*column 1/],
    [['landscape', '--loss', '(theta'], /Unclosed.*column 1/],
    [['landscape', '--loss', 'sharp-flatt'], /unknown preset 'sharp-flatt' \(presets: sharp-flat, /],
    [[...base, '--sigma', 'abc'], /--sigma must be a finite number, got 'abc'/],
    [[...base, '--points', '1e3.5'], /--points must be an integer/],
    [[...base, '--sigma', 'NaN'], /--sigma must be a finite number/],
    [[...base, '--rho', 'Infinity'], /--rho must be a finite number/],
    [[...base, '--from', '-Infinity'], /--from must be a finite number/],
    [[...base, '--to', '1e400'], /--to must be a finite number/],
    [[...base, '--sigma', '0'], /--sigma must be greater than 0/],
    [[...base, '--sigma', '-0.5'], /--sigma must be greater than 0/],
    [[...base, '--rho', '-0.1'], /--rho must be at least 0/],
    [[...base, '--from', '1', '--to', '1'], /--from \(1\) must be less than --to \(1\)/],
    [[...base, '--from', '2', '--to', '-2'], /must be less than/],
    [[...base, '--points', '1'], /--points must be an integer from 2 to 1000000/],
    [[...base, '--points', '1000001'], /--points must be an integer/],
    [[...base, '--points', '10.5'], /--points must be an integer/],
    [[...base, '--format', 'xml'], /--format must be json or csv/],
    [[...base, '--sigma'], /option --sigma needs a value/],
    [[...base, '--sigma', '1', '--sigma', '2'], /more than once/],
  ])('%j', (argv, message) => {
    const r = runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: [^\n]+\n$/);
    expect(r.stderr).toMatch(message);
  });
});
