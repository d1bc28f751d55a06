/** `landscape` prints what the panel shows: an infinite or unrepresentable E is null with the reason. */
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';

const json = (argv: string[]) => JSON.parse(runCli(['landscape', ...argv]).stdout);

describe('landscape: the expected loss over many orders of magnitude', () => {
  it('exp(θ²) at σ = 0.8 (2σ² ≥ 1): expected is null everywhere, with "E is +∞"', () => {
    const out = json(['--loss', 'exp(theta^2)', '--from', '-0.5', '--to', '0.5', '--points', '11', '--sigma', '0.8', '--rho', '0.1']);
    expect(out.expected).toEqual(Array(11).fill(null));
    expect(out.warnings.join('\n')).toMatch(/^E is \+∞: /m);
    expect(out.warnings.join('\n')).not.toMatch(/expected is not computable/);
  });

  it('exp(θ²) at σ = 0.5: E(0) = √2, and exp(6θ) at σ = 0.5: E(0) = e^4.5', () => {
    expect(json(['--loss', 'exp(theta^2)', '--points', '601', '--sigma', '0.5']).expected[300]).toBeCloseTo(Math.SQRT2, 9);
    expect(json(['--loss', 'exp(6*theta)', '--points', '601', '--sigma', '0.5']).expected[300] / Math.exp(4.5)).toBeCloseTo(1, 9);
  });

  it('CSV: the same warning on stderr, empty cells', () => {
    const r = runCli(['landscape', '--loss', 'exp(exp(theta))', '--points', '5', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: E is \+∞: /m);
    const rows = r.stdout.trim().split('\n').slice(1);
    for (const row of rows) expect(row.split(',')[2]).toBe('');
  });
});
