/**
 * Safe compiler for user-typed loss expressions such as `0.05*theta^2 - exp(-(theta+1.5)^2/0.045)`.
 *
 * A small hand-written recursive-descent parser (no mathjs, no eval/new Function): the grammar is
 * tiny, a hand-written parser gives precise positions for every error, and it keeps the browser
 * bundle small. The AST is constant-folded and compiled to a tree of closures, because the
 * landscape code calls the result millions of times.
 *
 * Grammar (lowest to highest precedence):
 *   sum     := product (('+' | '-') product)*
 *   product := unary (('*' | '/') unary)*
 *   unary   := ('-' | '+') unary | power        -- so -2^2 = -(2^2) = -4, but 2*-3 is allowed
 *   power   := primary ('^' unary)?             -- right-associative: 2^3^2 = 2^9, and 2^-1 = 0.5
 *   primary := number | name | name '(' sum (',' sum)* ')' | '(' sum ')'
 */

export interface ExpressionError {
  /** Human-readable message, including the 1-based column. */
  message: string;
  /** 0-based character offset into the source where the problem is. */
  position: number;
}
export type CompileResult =
  | { ok: true; fn: (...args: number[]) => number; fn1: (theta: number) => number; variables: readonly string[]; source: string }
  | { ok: false; error: ExpressionError };

export const MAX_EXPRESSION_LENGTH = 500;

/** Allowed functions and their arity (max = Infinity for min/max). */
const FUNCTIONS: Readonly<Record<string, { min: number; max: number; impl: (...a: number[]) => number }>> = {
  exp: { min: 1, max: 1, impl: Math.exp },
  log: { min: 1, max: 1, impl: Math.log },
  sin: { min: 1, max: 1, impl: Math.sin },
  cos: { min: 1, max: 1, impl: Math.cos },
  tanh: { min: 1, max: 1, impl: Math.tanh },
  abs: { min: 1, max: 1, impl: Math.abs },
  sqrt: { min: 1, max: 1, impl: Math.sqrt },
  pow: { min: 2, max: 2, impl: Math.pow },
  min: { min: 2, max: Infinity, impl: Math.min },
  max: { min: 2, max: Infinity, impl: Math.max },
};
const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };
const FUNCTION_LIST = Object.keys(FUNCTIONS).join(', ');

// ---------------------------------------------------------------------------------------------
// Tokens

type TokenKind = 'num' | 'name' | 'op' | '(' | ')' | ',' | 'end' | 'bad';
interface Token {
  kind: TokenKind;
  /** The token's text, or for 'bad' the lexical error message. */
  text: string;
  pos: number;
  value: number;
}

/** Thrown inside the parser only; compileExpression turns it into { ok: false }. */
class ParseError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} (column ${position + 1})`);
  }
}

/** Characters people type from other languages, with a targeted explanation. */
const UNSUPPORTED_CHARS: Readonly<Record<string, string>> = {
  '=': 'assignments and comparisons are not supported',
  '<': 'comparisons are not supported',
  '>': 'comparisons are not supported',
  '!': 'factorial and logical operators are not supported',
  '%': "'%' is not supported",
  '"': 'strings are not supported',
  "'": 'strings and transposes are not supported',
  '[': 'matrices and vectors are not supported',
  ']': 'matrices and vectors are not supported',
  '{': 'objects are not supported',
  '}': 'objects are not supported',
  ';': 'only one expression is allowed',
  ':': 'ranges are not supported',
  '&': 'logical operators are not supported',
  '|': 'logical operators are not supported (use abs(x) for |x|)',
  '?': 'conditionals are not supported',
  // Pasted typography (e.g. from the preset descriptions).
  '−': "use the ASCII '-' for minus",
  '×': "use '*' to multiply",
  '·': "use '*' to multiply",
  'π': "write 'pi'",
  '²': "write '^2'",
};

/** 'θ' means the parameter: in 1-D that is 'theta', in 2-D the coordinates are separate variables. */
function thetaHint(variables: readonly string[]): string {
  if (variables.includes('theta')) return "write 'theta'";
  return `use the variable${variables.length > 1 ? 's' : ''} ${variables.map((v) => `'${v}'`).join(', ')}`;
}

const NUMBER_RE = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME_RE = /[A-Za-z_][A-Za-z0-9_]*/y;

/**
 * Split into tokens. A lexical error becomes a final 'bad' token rather than an exception, so the
 * parser reports whichever problem comes first from the left (e.g. 'foo ? 1' complains about foo).
 */
function tokenize(src: string, variables: readonly string[]): Token[] {
  const tokens: Token[] = [];
  const bad = (message: string, pos: number): Token[] => {
    tokens.push({ kind: 'bad', text: message, pos, value: 0 });
    return tokens;
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    NUMBER_RE.lastIndex = i;
    const num = NUMBER_RE.exec(src);
    if (num) {
      const end = i + num[0].length;
      // "1.5.2" or "1e3.5": a dot right after a number is one malformed number, not two numbers.
      if (src[end] === '.') {
        let j = end;
        while (j < src.length && /[\d.eE]/.test(src[j])) j++;
        return bad(`Malformed number '${src.slice(i, j)}'`, i);
      }
      tokens.push({ kind: 'num', text: num[0], pos: i, value: Number(num[0]) });
      i = end;
      continue;
    }
    NAME_RE.lastIndex = i;
    const name = NAME_RE.exec(src);
    if (name) {
      tokens.push({ kind: 'name', text: name[0], pos: i, value: 0 });
      i += name[0].length;
      continue;
    }
    if (c === '*' && src[i + 1] === '*') return bad("Use '^' for powers, not '**'", i);
    if ('+-*/^'.includes(c)) tokens.push({ kind: 'op', text: c, pos: i, value: 0 });
    else if (c === '(' || c === ')' || c === ',') tokens.push({ kind: c, text: c, pos: i, value: 0 });
    else if (c === '.') return bad("Malformed number: '.' must be followed by digits", i);
    else {
      const why = c === 'θ' ? thetaHint(variables) : Object.hasOwn(UNSUPPORTED_CHARS, c) ? UNSUPPORTED_CHARS[c] : undefined;
      return bad(why ? `Unexpected '${c}': ${why}` : `Unexpected character '${c}'`, i);
    }
    i++;
  }
  tokens.push({ kind: 'end', text: '', pos: src.length, value: 0 });
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// AST

type ExprNode =
  | { type: 'num'; value: number }
  | { type: 'var'; index: number }
  | { type: 'neg'; arg: ExprNode }
  | { type: 'bin'; op: '+' | '-' | '*' | '/' | '^'; left: ExprNode; right: ExprNode }
  | { type: 'call'; name: string; args: ExprNode[] };

function describe(t: Token): string {
  switch (t.kind) {
    case 'end':
      return 'the end of the expression';
    case 'num':
      return `number '${t.text}'`;
    case 'name':
      return `'${t.text}'`;
    default:
      return `'${t.text}'`;
  }
}

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly variables: readonly string[],
  ) {}

  parse(): ExprNode {
    const node = this.sum();
    const t = this.peek();
    if (t.kind !== 'end') this.unexpectedAfterOperand(t);
    return node;
  }

  private peek(): Token {
    const t = this.tokens[this.i];
    if (t.kind === 'bad') throw new ParseError(t.text, t.pos);
    return t;
  }
  private next(): Token {
    const t = this.peek();
    this.i++;
    return t;
  }

  /** Something other than an operator follows a complete operand. */
  private unexpectedAfterOperand(t: Token): never {
    if (t.kind === ')') throw new ParseError("Unexpected ')' without a matching '('", t.pos);
    if (t.kind === ',') throw new ParseError("Unexpected ',' outside a function call", t.pos);
    const prev = this.tokens[this.i - 1];
    throw new ParseError(`Missing operator between '${prev.text}' and ${describe(t)}: write '*' to multiply`, t.pos);
  }

  private sum(): ExprNode {
    let left = this.product();
    for (let t = this.peek(); t.kind === 'op' && (t.text === '+' || t.text === '-'); t = this.peek()) {
      this.i++;
      left = { type: 'bin', op: t.text, left, right: this.product() };
    }
    return left;
  }

  private product(): ExprNode {
    let left = this.unary();
    for (let t = this.peek(); t.kind === 'op' && (t.text === '*' || t.text === '/'); t = this.peek()) {
      this.i++;
      left = { type: 'bin', op: t.text, left, right: this.unary() };
    }
    return left;
  }

  private unary(): ExprNode {
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      this.i++;
      const arg = this.unary();
      return t.text === '-' ? { type: 'neg', arg } : arg;
    }
    return this.power();
  }

  private power(): ExprNode {
    const base = this.primary();
    const t = this.peek();
    if (t.kind === 'op' && t.text === '^') {
      this.i++;
      return { type: 'bin', op: '^', left: base, right: this.unary() };
    }
    return base;
  }

  private primary(): ExprNode {
    const t = this.next();
    switch (t.kind) {
      case 'num':
        return { type: 'num', value: t.value };
      case 'name':
        return this.name(t);
      case '(': {
        const inner = this.sum();
        this.close(t, "'('");
        return inner;
      }
      case 'end': {
        const prev = this.tokens[this.i - 2];
        if (!prev) throw new ParseError('Empty expression', t.pos);
        throw new ParseError(`Expression ends after '${prev.text}': a number, variable or '(' is missing`, t.pos);
      }
      default: {
        const prev = this.tokens[this.i - 2];
        const after = prev ? ` after '${prev.text}'` : '';
        throw new ParseError(`Expected a number, variable, function or '('${after} but found ${describe(t)}`, t.pos);
      }
    }
  }

  /** Expect the ')' closing `open` (shown as `label`); report an unclosed '(' at the '(' itself. */
  private close(open: Token, label: string): void {
    const t = this.peek();
    if (t.kind === ')') {
      this.i++;
      return;
    }
    if (t.kind === 'end') throw new ParseError(`Unclosed ${label}: add a matching ')'`, open.pos);
    if (t.kind === ',' && label === "'('") throw new ParseError("Unexpected ',' outside a function call", t.pos);
    throw new ParseError(`Expected ')' or an operator but found ${describe(t)}`, t.pos);
  }

  private name(t: Token): ExprNode {
    // Raw look-ahead: a lexical error after an unknown name should not hide the unknown name.
    const isCall = this.tokens[this.i].kind === '(';
    const index = this.variables.indexOf(t.text);
    if (index >= 0) {
      if (isCall) throw new ParseError(`'${t.text}' is a variable, not a function: write '*' to multiply`, this.peek().pos);
      return { type: 'var', index };
    }
    // hasOwn: names like 'constructor' must not reach Object.prototype.
    const f = Object.hasOwn(FUNCTIONS, t.text) ? FUNCTIONS[t.text] : undefined;
    if (f) {
      if (!isCall) throw new ParseError(`Function '${t.text}' needs parentheses, e.g. ${t.text}(${this.variables[0]})`, t.pos);
      const open = this.next();
      const args: ExprNode[] = [];
      if (this.peek().kind === ')') throw new ParseError(`Function '${t.text}' needs an argument`, this.peek().pos);
      args.push(this.sum());
      while (this.peek().kind === ',') {
        this.i++;
        args.push(this.sum());
      }
      this.close(open, `'${t.text}('`);
      if (args.length < f.min || args.length > f.max) {
        const want = f.max === Infinity ? `at least ${f.min} arguments` : f.min === 1 ? 'exactly 1 argument' : `exactly ${f.min} arguments`;
        throw new ParseError(`Function '${t.text}' takes ${want}, got ${args.length}`, t.pos);
      }
      return { type: 'call', name: t.text, args };
    }
    if (Object.hasOwn(CONSTANTS, t.text)) {
      if (isCall) throw new ParseError(`'${t.text}' is a constant, not a function: write '*' to multiply`, this.peek().pos);
      return { type: 'num', value: CONSTANTS[t.text] };
    }
    throw new ParseError(this.unknownName(t.text, isCall), t.pos);
  }

  private unknownName(name: string, isCall: boolean): string {
    const lower = name.toLowerCase();
    const known = [...this.variables, ...Object.keys(FUNCTIONS), ...Object.keys(CONSTANTS)];
    const hint = known.find((k) => k.toLowerCase() === lower) ?? (lower === 'ln' ? 'log' : undefined);
    // 'theta' in a 2-D expression: the parameter has two named coordinates there.
    if (!isCall && lower === 'theta' && this.variables.length > 1) {
      return `Unknown name '${name}': the parameter has coordinates ${this.variables.map((v) => `'${v}'`).join(', ')}; use those, pi or e`;
    }
    const suggestion = hint ? ` (did you mean '${hint}'?)` : '';
    if (isCall) return `Unknown function '${name}'${suggestion}; allowed: ${FUNCTION_LIST}`;
    const vars = this.variables.map((v) => `'${v}'`).join(', ');
    return `Unknown name '${name}'${suggestion}; use the variable${this.variables.length > 1 ? 's' : ''} ${vars}, pi or e`;
  }
}

/** Parse to an AST; throws ParseError. */
function parseExpression(source: string, variables: readonly string[] = ['theta']): ExprNode {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new ParseError(`Expression is too long (${source.length} characters, at most ${MAX_EXPRESSION_LENGTH})`, MAX_EXPRESSION_LENGTH);
  }
  if (source.trim() === '') throw new ParseError('Empty expression: type a function of ' + variables.join(', '), 0);
  return new Parser(tokenize(source, variables), variables).parse();
}

// ---------------------------------------------------------------------------------------------
// Compilation to closures

/** Every closure gets the first two variables directly (fast path for 1-D and 2-D) and the rest in `more`. */
type Evaluator = (x: number, y: number, more: ArrayLike<number>) => number;

function isNum(n: ExprNode): n is { type: 'num'; value: number } {
  return n.type === 'num';
}
function isFirstVar(n: ExprNode): boolean {
  return n.type === 'var' && n.index === 0;
}

/** Apply an operator exactly as the compiled closures do (used for constant folding, so both agree bitwise). */
function applyBin(op: '+' | '-' | '*' | '/' | '^', a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '^':
      return b === 2 ? a * a : Math.pow(a, b);
  }
}

function fold(n: ExprNode): ExprNode {
  switch (n.type) {
    case 'num':
    case 'var':
      return n;
    case 'neg': {
      const arg = fold(n.arg);
      return isNum(arg) ? { type: 'num', value: -arg.value } : { type: 'neg', arg };
    }
    case 'bin': {
      const left = fold(n.left);
      const right = fold(n.right);
      if (isNum(left) && isNum(right)) return { type: 'num', value: applyBin(n.op, left.value, right.value) };
      return { type: 'bin', op: n.op, left, right };
    }
    case 'call': {
      const args = n.args.map(fold);
      if (args.every(isNum)) return { type: 'num', value: FUNCTIONS[n.name].impl(...args.map((a) => a.value)) };
      return { type: 'call', name: n.name, args };
    }
  }
}

function compileNode(n: ExprNode): Evaluator {
  switch (n.type) {
    case 'num': {
      const v = n.value;
      return () => v;
    }
    case 'var':
      if (n.index === 0) return (x) => x;
      if (n.index === 1) return (_x, y) => y;
      {
        const k = n.index - 2;
        return (_x, _y, more) => more[k];
      }
    case 'neg': {
      const a = compileNode(n.arg);
      return (x, y, m) => -a(x, y, m);
    }
    case 'bin':
      return compileBin(n.op, n.left, n.right);
    case 'call':
      return compileCall(n.name, n.args.map(compileNode));
  }
}

/** Binary operators, specialised for a variable or a constant operand (the common `c*theta`, `theta^2`). */
function compileBin(op: '+' | '-' | '*' | '/' | '^', left: ExprNode, right: ExprNode): Evaluator {
  if (op === '^') {
    const base = compileNode(left);
    if (isNum(right)) {
      const p = right.value;
      if (p === 2) {
        if (isFirstVar(left)) return (x) => x * x;
        return (x, y, m) => {
          const b = base(x, y, m);
          return b * b;
        };
      }
      if (p === 1) return base;
      return (x, y, m) => Math.pow(base(x, y, m), p);
    }
    const expo = compileNode(right);
    return (x, y, m) => Math.pow(base(x, y, m), expo(x, y, m));
  }
  // The first variable next to a constant (theta + 1.5, 2*theta) is so common that saving the
  // leaf call is worth a few lines: it is measurably faster in the landscape loops.
  if (isNum(left) && isFirstVar(right)) {
    const c = left.value;
    switch (op) {
      case '+':
        return (x) => c + x;
      case '-':
        return (x) => c - x;
      case '*':
        return (x) => c * x;
      case '/':
        return (x) => c / x;
    }
  }
  if (isFirstVar(left) && isNum(right)) {
    const c = right.value;
    switch (op) {
      case '+':
        return (x) => x + c;
      case '-':
        return (x) => x - c;
      case '*':
        return (x) => x * c;
      case '/':
        return (x) => x / c;
    }
  }
  if (isNum(left)) {
    const c = left.value;
    const b = compileNode(right);
    switch (op) {
      case '+':
        return (x, y, m) => c + b(x, y, m);
      case '-':
        return (x, y, m) => c - b(x, y, m);
      case '*':
        return (x, y, m) => c * b(x, y, m);
      case '/':
        return (x, y, m) => c / b(x, y, m);
    }
  }
  const a = compileNode(left);
  if (isNum(right)) {
    const c = right.value;
    switch (op) {
      case '+':
        return (x, y, m) => a(x, y, m) + c;
      case '-':
        return (x, y, m) => a(x, y, m) - c;
      case '*':
        return (x, y, m) => a(x, y, m) * c;
      case '/':
        return (x, y, m) => a(x, y, m) / c;
    }
  }
  const b = compileNode(right);
  switch (op) {
    case '+':
      return (x, y, m) => a(x, y, m) + b(x, y, m);
    case '-':
      return (x, y, m) => a(x, y, m) - b(x, y, m);
    case '*':
      return (x, y, m) => a(x, y, m) * b(x, y, m);
    case '/':
      return (x, y, m) => a(x, y, m) / b(x, y, m);
  }
}

function compileCall(name: string, args: Evaluator[]): Evaluator {
  const [a, b] = args;
  switch (name) {
    case 'exp':
      return (x, y, m) => Math.exp(a(x, y, m));
    case 'log':
      return (x, y, m) => Math.log(a(x, y, m));
    case 'sin':
      return (x, y, m) => Math.sin(a(x, y, m));
    case 'cos':
      return (x, y, m) => Math.cos(a(x, y, m));
    case 'tanh':
      return (x, y, m) => Math.tanh(a(x, y, m));
    case 'abs':
      return (x, y, m) => Math.abs(a(x, y, m));
    case 'sqrt':
      return (x, y, m) => Math.sqrt(a(x, y, m));
    case 'pow':
      return (x, y, m) => Math.pow(a(x, y, m), b(x, y, m));
  }
  // min / max with 2+ arguments: keep Math.min/max semantics (any NaN gives NaN).
  const f = name === 'min' ? Math.min : Math.max;
  if (args.length === 2) return (x, y, m) => f(a(x, y, m), b(x, y, m));
  return (x, y, m) => {
    let r = f(a(x, y, m), b(x, y, m));
    for (let k = 2; k < args.length; k++) r = f(r, args[k](x, y, m));
    return r;
  };
}

const NO_MORE: readonly number[] = [];

function checkVariables(variables: readonly string[]): ExpressionError | null {
  if (variables.length === 0) return { message: 'No variables given', position: 0 };
  for (const v of variables) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(v) || Object.hasOwn(FUNCTIONS, v) || Object.hasOwn(CONSTANTS, v)) {
      return { message: `Invalid variable name '${v}'`, position: 0 };
    }
  }
  return null;
}

/** Compile a user expression in the given variables (default ['theta']) without eval. */
export function compileExpression(source: string, variables: readonly string[] = ['theta']): CompileResult {
  const badVars = checkVariables(variables);
  if (badVars) return { ok: false, error: badVars };
  let ast: ExprNode;
  try {
    ast = parseExpression(source, variables);
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: { message: e.message, position: e.position } };
    throw e;
  }
  const root = compileNode(fold(ast));
  const vars = Object.freeze([...variables]);
  // fn1 binds the first variable; any others are NaN so a misuse is visible rather than silently 0.
  const fn1 = (t: number): number => root(t, NaN, NO_MORE);
  const fn: (...args: number[]) => number =
    vars.length <= 2 ? (x: number, y: number) => root(x, y, NO_MORE) : (...args: number[]) => root(args[0], args[1], args.slice(2));
  return { ok: true, fn, fn1, variables: vars, source };
}
