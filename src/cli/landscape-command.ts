/** `landscape`: the five objectives of theory.md §2 (plus ε*, ρ_eq) on a 1-D grid, as JSON or CSV. */
import { computeLandscape1D, MAX_POINTS } from '../math/landscape1d.ts';
import { LOSS_PRESETS } from '../math/presets.ts';
import { parseFiniteNumber, parseIntegerInRange, parseOptions, UsageError } from './args.ts';
import type { Command, CliResult } from './command.ts';
import { landscapeCsv, landscapeJson } from './landscape-output.ts';
import type { LandscapeParams } from './landscape-output.ts';
import { resolveLoss1D } from './loss.ts';


const OPTIONS = {
  loss: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  points: { type: 'string' },
  sigma: { type: 'string' },
  rho: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP = `Usage: landscape --loss <preset|expression> [options]

Compute loss, expected (Bayes), sam, relaxed, eps, biconjugate and rho_eq on linspace(from, to, points).

Options:
  --loss <text>     a preset id (${LOSS_PRESETS.map((p) => p.id).join(', ')})
                    or an expression in theta, e.g. "0.5*theta^2 + 0.3*sin(8*theta)"
  --from <A>        left end of the grid of means m        (default -3)
  --to <B>          right end, B > A                        (default 3)
  --points <N>      grid size, integer 2..${MAX_POINTS}            (default 201)
  --sigma <S>       posterior standard deviation, S > 0     (default 0.5)
  --rho <R>         SAM radius, R >= 0                      (default 0.3)
  --format <f>      json or csv                             (default json)
  -h, --help        show this help

JSON: arrays theta, loss, expected, sam, relaxed, eps, biconjugate, rho_eq (null where not finite),
argmin per objective, warnings, params. CSV: one row per grid point, empty cells where not finite,
warnings on stderr. Exit code 2 on bad arguments.
`;

export interface LandscapeOptions extends LandscapeParams {
  format: 'json' | 'csv';
}

/** Validate the command line into numbers (throws UsageError with a one-line message). */
export function parseLandscapeArgs(args: readonly string[]): LandscapeOptions | 'help' {
  const v = parseOptions('landscape', args, OPTIONS);
  if (v.help) return 'help';
  const str = (name: keyof typeof OPTIONS): string | undefined => {
    const x = v[name];
    return typeof x === 'string' ? x : undefined;
  };
  const loss = str('loss');
  if (loss === undefined) throw new UsageError('--loss is required: a preset id (e.g. sharp-flat) or an expression in theta');
  const from = parseFiniteNumber('from', str('from') ?? '-3');
  const to = parseFiniteNumber('to', str('to') ?? '3');
  if (!(from < to)) throw new UsageError(`--from (${from}) must be less than --to (${to})`);
  const points = parseIntegerInRange('points', str('points') ?? '201', 2, MAX_POINTS);
  const sigma = parseFiniteNumber('sigma', str('sigma') ?? '0.5');
  if (!(sigma > 0)) throw new UsageError(`--sigma must be greater than 0, got ${sigma}`);
  const rho = parseFiniteNumber('rho', str('rho') ?? '0.3');
  if (!(rho >= 0)) throw new UsageError(`--rho must be at least 0, got ${rho}`);
  const format = str('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new UsageError(`--format must be json or csv, got '${format}'`);
  return { loss, from, to, points, sigma, rho, format };
}

function run(args: readonly string[]): CliResult {
  const opts = parseLandscapeArgs(args);
  if (opts === 'help') return { code: 0, stdout: HELP, stderr: '' };
  const { fn } = resolveLoss1D(opts.loss);
  const { format, ...params } = opts;
  const result = computeLandscape1D({ loss: fn, from: params.from, to: params.to, points: params.points, sigma: params.sigma, rho: params.rho });
  if (format === 'json') return { code: 0, stdout: landscapeJson(result, params), stderr: '' };
  const { csv, warnings } = landscapeCsv(result);
  // One line per warning, even if a message happened to contain a newline.
  const stderr = warnings.map((w) => `warning: ${w.replace(/\s*\n\s*/g, ' ')}\n`).join('');
  return { code: 0, stdout: csv, stderr };
}

export const landscapeCommand: Command = {
  name: 'landscape',
  summary: 'the 1-D objectives (loss, expected, sam, relaxed, biconjugate) on a grid, as JSON or CSV',
  help: HELP,
  run,
};
