import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression, MAX_EXPRESSION_LENGTH } from './expression.ts';

/** Compile (must succeed) and evaluate with fn1 at theta. */
function ev(src: string, theta = 0): number {
  const r = compileExpression(src);
  if (!r.ok) throw new Error(`unexpected error for ${src}: ${r.error.message}`);
  return r.fn1(theta);
}

/** Compile (must fail) and return the error. */
function err(src: string, variables?: readonly string[]) {
  const r = compileExpression(src, variables);
  if (r.ok) throw new Error(`expected an error for ${src}`);
  return r.error;
}

describe('compileExpression: precedence and syntax', () => {
  it.each([
    ['-2^2', 0, -4],
    ['(-2)^2', 0, 4],
    ['2^3^2', 0, 512],
    ['(2^3)^2', 0, 64],
    ['-theta^2', 3, -9],
    ['2*-3', 0, -6],
    ['2^-1', 0, 0.5],
    ['-2^-2', 0, -0.25],
    ['1e-3*theta', 2, 0.002],
    ['1.5E+2', 0, 150],
    ['.5', 0, 0.5],
    ['5.', 0, 5],
    ['1 + 2 * 3', 0, 7],
    ['(1 + 2) * 3', 0, 9],
    ['8 / 4 / 2', 0, 1],
    ['8 - 4 - 2', 0, 2],
    ['2 * 3 ^ 2', 0, 18],
    ['-3 * 2 + 1', 0, -5],
    ['--theta', 4, 4],
    ['+theta', 4, 4],
    ['theta - -1', 4, 5],
    ['2^3*2', 0, 16],
    ['theta^2/2', 3, 4.5],
    ['0.5*theta^2', 3, 4.5],
    ['theta^0.5', 9, 3],
    ['theta^1', 7, 7],
    ['  theta\t*\n2 ', 3, 6],
  ])('%s at theta=%d is %d', (src, theta, expected) => {
    expect(ev(src, theta)).toBeCloseTo(expected, 14);
  });

  it('knows the constants pi and e', () => {
    expect(ev('pi')).toBe(Math.PI);
    expect(ev('e')).toBe(Math.E);
    expect(ev('e^theta', 2)).toBeCloseTo(Math.exp(2), 13);
    expect(ev('2*pi*theta', 0.5)).toBeCloseTo(Math.PI, 14);
  });

  it.each([
    ['exp(theta)', 0.7, Math.exp(0.7)],
    ['log(theta)', 0.7, Math.log(0.7)],
    ['sin(theta)', 0.7, Math.sin(0.7)],
    ['cos(theta)', 0.7, Math.cos(0.7)],
    ['tanh(theta)', 0.7, Math.tanh(0.7)],
    ['abs(theta)', -0.7, 0.7],
    ['sqrt(theta)', 0.49, 0.7],
    ['pow(theta, 3)', 0.7, Math.pow(0.7, 3)],
    ['pow(2, theta)', 0.7, Math.pow(2, 0.7)],
    ['min(theta, 0.5)', 0.7, 0.5],
    ['max(theta, 0.5)', 0.7, 0.7],
    ['min(3, theta, 2, 5)', 0.7, 0.7],
    ['max(3, theta, 2, 5)', 0.7, 5],
    ['exp(-(theta+1.5)^2/(2*0.15^2))', -1.5, 1],
    ['log(e)', 0, 1],
  ])('function %s at %d', (src, theta, expected) => {
    expect(ev(src, theta)).toBeCloseTo(expected, 14);
  });

  it('returns non-finite values instead of throwing', () => {
    expect(ev('log(theta)', -1)).toBeNaN();
    expect(ev('1/theta', 0)).toBe(Infinity);
    expect(ev('sqrt(theta)', -1)).toBeNaN();
    expect(ev('log(theta)', 0)).toBe(-Infinity);
    expect(ev('max(theta, 1)', NaN)).toBeNaN();
  });

  it('compiles in several variables, taken positionally by fn', () => {
    const r = compileExpression('x^2 + 3*y - x*y', ['x', 'y']);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.variables).toEqual(['x', 'y']);
    expect(r.fn(2, 5)).toBe(4 + 15 - 10);
    expect(r.fn1(2)).toBeNaN(); // y is unbound in the 1-argument version
    const r3 = compileExpression('a - b*c + d', ['a', 'b', 'c', 'd']);
    if (!r3.ok) throw new Error(r3.error.message);
    expect(r3.fn(1, 2, 3, 4)).toBe(1 - 6 + 4);
    expect(err('theta', ['x', 'y']).message).toMatch(/Unknown name 'theta'.*'x', 'y'/);
  });

  it('keeps the source and the first variable in fn1', () => {
    const r = compileExpression('0.5*theta^2');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.source).toBe('0.5*theta^2');
    expect(r.fn1(3)).toBe(4.5);
    expect(r.fn(3)).toBe(4.5);
  });
});

describe('compileExpression: errors point at the offending token', () => {
  it.each([
    ['theta +* 2', 7, /after '\+' but found '\*'/],
    ['foo(theta)', 0, /Unknown function 'foo'/],
    ['foo', 0, /Unknown name 'foo'/],
    ['Theta', 0, /did you mean 'theta'/],
    ['ln(theta)', 0, /did you mean 'log'/],
    ['(theta', 0, /Unclosed '\('/],
    ['2*(theta + (1)', 2, /Unclosed '\('/],
    ['exp(theta', 3, /Unclosed 'exp\('/],
    ['theta)', 5, /without a matching '\('/],
    ['theta 2', 6, /Missing operator between 'theta' and number '2'/],
    ['2theta', 1, /Missing operator/],
    ['5 cm', 2, /Missing operator/],
    ['(theta 2)', 7, /Expected '\)' or an operator but found number '2'/],
    ['theta +', 7, /ends after '\+'/],
    ['theta^', 6, /ends after '\^'/],
    ['', 0, /Empty expression/],
    ['   ', 0, /Empty expression/],
    ['sin theta', 0, /needs parentheses/],
    ['sin()', 4, /needs an argument/],
    ['exp(1, 2)', 0, /exactly 1 argument, got 2/],
    ['pow(2)', 0, /exactly 2 arguments, got 1/],
    ['min(1)', 0, /at least 2 arguments, got 1/],
    ['theta(2)', 5, /is a variable, not a function/],
    ['pi(2)', 2, /is a constant, not a function/],
    ['(1, 2)', 2, /',' outside a function call/],
    ['1, 2', 1, /',' outside a function call/],
    ['theta = 1', 6, /assignments/],
    ['theta == 1', 6, /comparisons/],
    ['3!', 1, /factorial/],
    ['"abc"', 0, /strings/],
    ["'abc'", 0, /strings/],
    ['[1, 2]', 0, /matrices/],
    ['theta % 2', 6, /'%'/],
    ['theta; 2', 5, /only one expression/],
    ['2**3', 1, /Use '\^' for powers/],
    ['1e3.5', 0, /Malformed number '1e3.5'/],
    ['1.2.3', 0, /Malformed number/],
    ['theta @ 2', 6, /Unexpected character '@'/],
    ['theta . 2', 6, /Malformed number/],
    ['a ? b : c', 0, /Unknown name 'a'/],
    ['theta ? 1 : 2', 6, /conditionals/],
    ['|theta|', 0, /use abs/],
    ['2θ', 1, /write 'theta'/],
    ['1 − theta', 2, /ASCII '-'/],
    ['theta²', 5, /'\^2'/],
  ])('%j → error at %d', (src, position, message) => {
    const e = err(src);
    expect(e.position).toBe(position);
    expect(e.message).toMatch(message);
    expect(e.message).toContain(`column ${position + 1}`);
  });

  it('rejects sources longer than the limit', () => {
    const ok = '1' + '+1'.repeat(MAX_EXPRESSION_LENGTH / 2 - 1) + ' ';
    expect(ok.length).toBe(MAX_EXPRESSION_LENGTH);
    expect(ev(ok)).toBe(MAX_EXPRESSION_LENGTH / 2);
    const e = err(ok + '+1');
    expect(e.message).toMatch(/too long/);
    expect(e.position).toBe(MAX_EXPRESSION_LENGTH);
  });

  it('survives deep nesting within the length limit', () => {
    const deep = '('.repeat(240) + 'theta' + ')'.repeat(240);
    expect(ev(deep, 2)).toBe(2);
    const negs = '-'.repeat(499) + '1';
    expect(ev(negs)).toBe(-1);
  });

  it('rejects invalid variable lists', () => {
    expect(err('x', []).message).toMatch(/No variables/);
    expect(err('x', ['exp']).message).toMatch(/Invalid variable name/);
    expect(err('x', ['pi']).message).toMatch(/Invalid variable name/);
    expect(err('x', ['1x']).message).toMatch(/Invalid variable name/);
  });

  it('never treats prototype names as functions or constants', () => {
    expect(err('constructor(1)').message).toMatch(/Unknown function/);
    expect(err('toString').message).toMatch(/Unknown name/);
    expect(err('__proto__').message).toMatch(/Unknown name/);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: random expression trees, printed with minimal parentheses, evaluate exactly as a
// direct JS evaluation of the same tree.

type Tree =
  | { t: 'num'; v: number; s: string }
  | { t: 'x' }
  | { t: 'y' }
  | { t: 'neg'; a: Tree }
  | { t: 'bin'; op: '+' | '-' | '*' | '/' | '^'; a: Tree; b: Tree }
  | { t: 'call'; f: string; args: Tree[] };

const UNARY_FNS = ['exp', 'log', 'sin', 'cos', 'tanh', 'abs', 'sqrt'] as const;
const NUMBER_TEXT = ['0', '1', '2', '3', '0.5', '.25', '1e-3', '2.5E1', 'pi', 'e'];
const NUMBER_VALUE: Record<string, number> = { pi: Math.PI, e: Math.E };

const treeArb = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...NUMBER_TEXT).map((s): Tree => ({ t: 'num', v: NUMBER_VALUE[s] ?? Number(s), s })),
    fc.constant<Tree>({ t: 'x' }),
    fc.constant<Tree>({ t: 'y' }),
    tie('tree').map((a): Tree => ({ t: 'neg', a })),
    fc
      .tuple(fc.constantFrom('+', '-', '*', '/', '^' as const), tie('tree'), tie('tree'))
      .map(([op, a, b]): Tree => ({ t: 'bin', op, a, b })),
    fc.tuple(fc.constantFrom(...UNARY_FNS), tie('tree')).map(([f, a]): Tree => ({ t: 'call', f, args: [a] })),
    fc
      .tuple(fc.constantFrom('min', 'max', 'pow'), fc.array(tie('tree'), { minLength: 2, maxLength: 3 }))
      .map(([f, args]): Tree => ({ t: 'call', f, args: f === 'pow' ? args.slice(0, 2) : args })),
  ),
})).tree;

/** Precedence levels of the grammar: sum 1, product 2, unary 3, power 4, atoms 5. */
function prec(n: Tree): number {
  if (n.t === 'bin') return n.op === '+' || n.op === '-' ? 1 : n.op === '^' ? 4 : 2;
  if (n.t === 'neg') return 3;
  return 5;
}

function print(n: Tree, sp: boolean): string {
  const s = sp ? ' ' : '';
  const wrap = (c: Tree, need: boolean) => (need ? `(${print(c, sp)})` : print(c, sp));
  switch (n.t) {
    case 'num':
      return n.s;
    case 'x':
      return 'x';
    case 'y':
      return 'y';
    case 'neg':
      // A space keeps "- -x" from reading as one token in other languages (it is fine here either way).
      return '-' + (sp ? ' ' : '') + wrap(n.a, prec(n.a) < 3);
    case 'bin': {
      const p = prec(n);
      if (n.op === '^') return wrap(n.a, prec(n.a) <= 4) + s + '^' + s + wrap(n.b, prec(n.b) < 3);
      return wrap(n.a, prec(n.a) < p) + s + n.op + s + wrap(n.b, prec(n.b) <= p);
    }
    case 'call':
      return `${n.f}(${n.args.map((a) => print(a, sp)).join(',' + s)})`;
  }
}

const JS_FNS: Record<string, (...a: number[]) => number> = {
  exp: Math.exp, log: Math.log, sin: Math.sin, cos: Math.cos, tanh: Math.tanh, abs: Math.abs, sqrt: Math.sqrt,
  pow: Math.pow, min: Math.min, max: Math.max,
};

function direct(n: Tree, x: number, y: number): number {
  switch (n.t) {
    case 'num':
      return n.v;
    case 'x':
      return x;
    case 'y':
      return y;
    case 'neg':
      return -direct(n.a, x, y);
    case 'bin': {
      const a = direct(n.a, x, y);
      const b = direct(n.b, x, y);
      switch (n.op) {
        case '+': return a + b;
        case '-': return a - b;
        case '*': return a * b;
        case '/': return a / b;
        case '^': return Math.pow(a, b);
      }
      break;
    }
    case 'call':
      return JS_FNS[n.f](...n.args.map((a) => direct(a, x, y)));
  }
}

function same(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true; // also ±Infinity and ±0
  return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

describe('compileExpression: property against a direct evaluation', () => {
  it('random trees with minimal parentheses agree with JS', () => {
    fc.assert(
      fc.property(treeArb, fc.boolean(), fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), (tree, spaced, x, y) => {
        const src = print(tree, spaced);
        fc.pre(src.length <= MAX_EXPRESSION_LENGTH);
        const r = compileExpression(src, ['x', 'y']);
        if (!r.ok) throw new Error(`${src}: ${r.error.message}`);
        const got = r.fn(x, y);
        const want = direct(tree, x, y);
        if (!same(got, want)) throw new Error(`${src} at (${x}, ${y}): got ${got}, want ${want}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('arbitrary junk never throws, only returns an error with a position inside the source', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'theta0123.e+-*/^(),! xyz[]=sinlogmaxpi'.split('')), maxLength: 40 }), (src) => {
        const r = compileExpression(src);
        if (!r.ok) {
          expect(r.error.position).toBeGreaterThanOrEqual(0);
          expect(r.error.position).toBeLessThanOrEqual(src.length);
          expect(r.error.message).toContain(`column ${r.error.position + 1}`);
        } else {
          expect(typeof r.fn1(0.3)).toBe('number');
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('compileExpression in x and y (the 2-D landscapes)', () => {
  const XY = ['x', 'y'] as const;
  it('binds x and y positionally and folds constants the same way', () => {
    const r = compileExpression('0.5*(x^2 + 4*y^2) - exp(-((x-1)^2 + y^2)/0.3)', XY);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.fn(1, 0)).toBeCloseTo(0.5 - 1, 14);
    expect(r.fn(0, 1)).toBeCloseTo(2 - Math.exp(-2 / 0.3), 14);
    expect(r.fn(-2, 3)).toBeCloseTo(0.5 * (4 + 36) - Math.exp(-(9 + 9) / 0.3), 14);
  });

  it.each([
    ['x +* y', /found '\*' \(column 4\)/, 3],
    ['x*z', /Unknown name 'z'.*variables 'x', 'y'.*column 3/, 2],
    ['X + y', /did you mean 'x'/, 0],
    ['theta^2', /Unknown name 'theta': the parameter has coordinates 'x', 'y'.*column 1/, 0],
    ['2θ', /Unexpected 'θ': use the variables 'x', 'y' \(column 2\)/, 1],
    ['x(y)', /'x' is a variable, not a function.*column 2/, 1],
    ['sin(x, y)', /'sin' takes exactly 1 argument, got 2/, 0],
  ])('%s is rejected with a column', (src, message, position) => {
    const e = err(src, XY);
    expect(e.message).toMatch(message);
    expect(e.position).toBe(position);
  });

  it('the 1-D rules are unchanged: θ still suggests theta there', () => {
    expect(err('2θ').message).toMatch(/write 'theta'/);
    expect(err('x').message).toMatch(/Unknown name 'x'.*'theta'/);
  });
});
