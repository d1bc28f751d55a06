/** `landscape2d`: loss, expected, sam and relaxed on an N×N grid over [A, B] × [C, D], as JSON. */
import { computeLandscape2D, MAX_POINTS_2D, MIN_POINTS_2D } from '../math/landscape2d/landscape2d.ts';
import { compileLoss2D } from '../math/landscape2d/loss2d.ts';
import { findPreset2D, LOSS_2D_PRESETS } from '../math/landscape2d/presets2d.ts';
import type { Loss2DPreset } from '../math/landscape2d/presets2d.ts';
import type { Landscape2D, Loss2D } from '../math/landscape2d/types.ts';
import { parseFiniteNumber, parseIntegerInRange, parseOptions, UsageError } from './args.ts';
import type { Command, CliResult } from './command.ts';

const OPTIONS = {
  loss: { type: 'string' },
  x: { type: 'string' },
  y: { type: 'string' },
  points: { type: 'string' },
  sigma: { type: 'string' },
  rho: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const PRESET_IDS = LOSS_2D_PRESETS.map((p) => p.id).join(', ');
const DEFAULTS = { x: '-3:3', y: '-3:3', points: '64', sigma: '0.5', rho: '0.3' };

const HELP = `Usage: landscape2d --loss <preset|expression> [options]

Compute loss, expected (Bayes, N(m, σ²I)), sam (max over the disk of radius ρ) and relaxed on an
N×N grid of means m = (x, y).

Options:
  --loss <text>     a preset id (${PRESET_IDS})
                    or an expression in x and y, e.g. "0.5*(x^2 + 4*y^2) + 0.1*sin(5*x)"
  --x <A:B>         range of x, A < B        (default: the preset's, else ${DEFAULTS.x})
  --y <C:D>         range of y, C < D        (default: the preset's, else ${DEFAULTS.y})
  --points <N>      grid points per axis, integer ${MIN_POINTS_2D}..${MAX_POINTS_2D}  (default ${DEFAULTS.points})
  --sigma <S>       posterior standard deviation, S > 0   (default: the preset's, else ${DEFAULTS.sigma})
  --rho <R>         SAM radius, R >= 0                   (default: the preset's, else ${DEFAULTS.rho})
  -h, --help        show this help

JSON: x and y (N values each); loss, expected, sam, relaxed as N arrays of N values, row-major:
row i is y_i, column j is x_j (null where not finite); warnings; params. Exit code 2 on bad arguments.
`;

export interface Landscape2DParams {
  loss: string;
  x: [number, number];
  y: [number, number];
  points: number;
  sigma: number;
  rho: number;
}

function parseRange(flag: string, text: string): [number, number] {
  const parts = text.split(':');
  if (parts.length !== 2) throw new UsageError(`--${flag} must be a range A:B, got '${text}'`);
  const lo = parseFiniteNumber(flag, parts[0]);
  const hi = parseFiniteNumber(flag, parts[1]);
  if (!(lo < hi)) throw new UsageError(`--${flag}: ${lo} must be less than ${hi}`);
  return [lo, hi];
}

/** Text that looks like an id rather than maths, e.g. `saddl`: the "unknown preset" case. */
const LOOKS_LIKE_ID = /^[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)+$/;

export function resolveLoss2DArg(spec: string): { fn: Loss2D; preset: Loss2DPreset | undefined } {
  if (spec.trim() === '') throw new UsageError(`--loss is empty: give a preset (${PRESET_IDS}) or an expression in x and y`);
  const preset = findPreset2D(spec.trim());
  const compiled = compileLoss2D(preset ? preset.expression : spec);
  if (compiled.ok) return { fn: compiled.fn, preset };
  if (preset) throw new Error(`preset '${preset.id}' does not compile: ${compiled.error.message}`);
  if (LOOKS_LIKE_ID.test(spec.trim())) throw new UsageError(`unknown preset '${spec}' (presets: ${PRESET_IDS}), and not a valid expression: ${compiled.error.message}`);
  throw new UsageError(`invalid --loss expression '${spec}': ${compiled.error.message}`);
}

export function parseLandscape2DArgs(args: readonly string[]): { params: Landscape2DParams; fn: Loss2D } | 'help' {
  const v = parseOptions('landscape2d', args, OPTIONS);
  if (v.help) return 'help';
  const str = (name: keyof typeof OPTIONS): string | undefined => (typeof v[name] === 'string' ? v[name] : undefined);
  const loss = str('loss');
  if (loss === undefined) throw new UsageError(`--loss is required: a preset id (e.g. sharp-flat-2d) or an expression in x and y`);
  const { fn, preset } = resolveLoss2DArg(loss);
  const x = parseRange('x', str('x') ?? (preset ? `${preset.xFrom}:${preset.xTo}` : DEFAULTS.x));
  const y = parseRange('y', str('y') ?? (preset ? `${preset.yFrom}:${preset.yTo}` : DEFAULTS.y));
  const points = parseIntegerInRange('points', str('points') ?? DEFAULTS.points, MIN_POINTS_2D, MAX_POINTS_2D);
  const sigma = parseFiniteNumber('sigma', str('sigma') ?? String(preset?.sigma ?? DEFAULTS.sigma));
  if (!(sigma > 0)) throw new UsageError(`--sigma must be greater than 0, got ${sigma}`);
  const rho = parseFiniteNumber('rho', str('rho') ?? String(preset?.rho ?? DEFAULTS.rho));
  if (!(rho >= 0)) throw new UsageError(`--rho must be at least 0, got ${rho}`);
  return { params: { loss, x, y, points, sigma, rho }, fn };
}

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** Row-major N×N grid as N rows (row i is y_i). */
function rows(values: Float64Array, n: number): (number | null)[][] {
  const out: (number | null)[][] = [];
  for (let i = 0; i < n; i++) out.push(Array.from(values.subarray(i * n, (i + 1) * n), finiteOrNull));
  return out;
}

export function landscape2DJson(r: Landscape2D, params: Landscape2DParams): string {
  const n = r.x.length;
  const grids = { loss: r.loss, expected: r.expected, sam: r.sam, relaxed: r.relaxed };
  const warnings = [...r.warnings];
  for (const [name, values] of Object.entries(grids)) {
    const bad = values.reduce((k, v) => (Number.isFinite(v) ? k : k + 1), 0);
    if (bad) warnings.push(`${name}: ${bad} of ${values.length} values are not finite (written as null)`);
  }
  const out = {
    params,
    x: Array.from(r.x),
    y: Array.from(r.y),
    ...Object.fromEntries(Object.entries(grids).map(([name, values]) => [name, rows(values, n)])),
    warnings,
  };
  return JSON.stringify(out) + '\n';
}

function run(args: readonly string[]): CliResult {
  const parsed = parseLandscape2DArgs(args);
  if (parsed === 'help') return { code: 0, stdout: HELP, stderr: '' };
  const { params, fn } = parsed;
  const result = computeLandscape2D({
    loss: fn,
    xFrom: params.x[0],
    xTo: params.x[1],
    yFrom: params.y[0],
    yTo: params.y[1],
    points: params.points,
    sigma: params.sigma,
    rho: params.rho,
  });
  return { code: 0, stdout: landscape2DJson(result, params), stderr: '' };
}

export const landscape2dCommand: Command = {
  name: 'landscape2d',
  summary: 'the 2-D objectives (loss, expected, sam, relaxed) on an N×N grid, as JSON',
  help: HELP,
  run,
};
