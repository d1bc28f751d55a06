import { describe, expect, it } from 'vitest';
import { parseFiniteNumber, parseIntegerInRange, parseOptions, UsageError } from './args.ts';

const OPTS = { a: { type: 'string' }, flag: { type: 'boolean', short: 'f' } } as const;

describe('parseOptions', () => {
  it('takes values that start with a single dash (negative numbers, expressions)', () => {
    expect(parseOptions('t', ['--a', '-3'], OPTS).a).toBe('-3');
    expect(parseOptions('t', ['--a', '-theta^2'], OPTS).a).toBe('-theta^2');
    expect(parseOptions('t', ['--a=-3'], OPTS).a).toBe('-3');
    expect(parseOptions('t', ['-f'], OPTS).flag).toBe(true);
  });

  it.each([
    [['--b'], /unknown option '--b' for 't' \(options: --a, --flag\)/],
    [['x'], /unexpected argument 'x'/],
    [['--a'], /option --a needs a value/],
    [['--a', '--flag'], /option --a needs a value/],
    [['--flag=1'], /option --flag does not take a value/],
    [['--a', '1', '--a', '2'], /given more than once/],
  ])('%j → one-line UsageError', (args, message) => {
    let caught: unknown;
    try {
      parseOptions('t', args, OPTS);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(UsageError);
    const msg = (caught as Error).message;
    expect(msg).toMatch(message);
    expect(msg).not.toContain('\n');
  });
});

describe('number parsing', () => {
  it.each([
    ['0.5', 0.5],
    ['-3', -3],
    ['+2', 2],
    ['1e-3', 0.001],
    ['.5', 0.5],
    ['5.', 5],
    [' 7 ', 7],
  ])('accepts %j', (text, value) => {
    expect(parseFiniteNumber('x', text)).toBe(value);
  });

  it.each(['abc', '', 'NaN', 'Infinity', '-Infinity', '1e999', '0x10', '1e3.5', '1,5', '2 3', '1_000'])('rejects %j', (text) => {
    expect(() => parseFiniteNumber('sigma', text)).toThrow(/--sigma must be a finite number/);
  });

  it('integers: whole numbers in range only', () => {
    expect(parseIntegerInRange('points', '1e3', 2, 1e6)).toBe(1000);
    expect(parseIntegerInRange('points', '2', 2, 1e6)).toBe(2);
    for (const bad of ['1', '1.5', '1e3.5', '1000001', 'abc', '-5', 'Infinity']) {
      expect(() => parseIntegerInRange('points', bad, 2, 1e6)).toThrow(/--points must be an integer from 2 to 1000000/);
    }
  });
});
