/**
 * Argument helpers shared by the CLI subcommands: strict option parsing with one-line errors,
 * and strict number parsing (no NaN, no Infinity, no hex, no trailing junk).
 */
import { parseArgs } from 'node:util';

/** A problem with the command line: exit code 2 and one `error: …` line on stderr. */
export class UsageError extends Error {}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}

/**
 * node:util parseArgs in strict mode, plus:
 * - a value starting with '-' (`--from -3`, `--loss -theta^2`) is taken as the option's value,
 *   which parseArgs rejects as "ambiguous" and users would trip over constantly;
 * - an option given twice is an error rather than last-one-wins;
 * - every parseArgs error becomes a single-line UsageError.
 */
export function parseOptions(
  command: string,
  args: readonly string[],
  options: Readonly<Record<string, OptionSpec>>,
): Record<string, string | boolean | undefined> {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = args[i + 1];
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : undefined;
    if (name && options[name]?.type === 'string' && next !== undefined && next.startsWith('-') && !next.startsWith('--')) {
      joined.push(`${a}=${next}`);
      i++;
    } else {
      joined.push(a);
    }
  }
  let parsed;
  try {
    parsed = parseArgs({ args: joined, options: { ...options }, strict: true, allowPositionals: false, tokens: true });
  } catch (e) {
    throw new UsageError(describeParseError(command, e, Object.keys(options)));
  }
  const seen = new Set<string>();
  for (const t of parsed.tokens) {
    if (t.kind !== 'option') continue;
    if (seen.has(t.name)) throw new UsageError(`option --${t.name} is given more than once`);
    seen.add(t.name);
  }
  return parsed.values;
}

function describeParseError(command: string, e: unknown, names: readonly string[]): string {
  const err = e as { code?: string; message?: string };
  const quoted = /'([^']*)'/.exec(err.message ?? '')?.[1] ?? '';
  const list = names.map((n) => `--${n}`).join(', ');
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option '${quoted}' for '${command}' (options: ${list})`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument '${quoted}' for '${command}': every value needs its option, e.g. --sigma 0.5`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      // parseArgs names options as '--sigma <value>' or '-h, --help': keep just the long name.
      const option = /--[\w-]+/.exec(quoted)?.[0] ?? quoted;
      if (/argument missing/.test(err.message ?? '')) return `option ${option} needs a value`;
      if (/ambiguous/.test(err.message ?? '')) return `option ${option} needs a value; to pass one starting with '--', write ${option}=VALUE`;
      if (/does not take an argument/.test(err.message ?? '')) return `option ${option} does not take a value`;
      break;
    }
  }
  return (err.message ?? String(e)).split('\n')[0];
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parse a finite decimal number; `flag` names the option in the error. */
export function parseFiniteNumber(flag: string, text: string): number {
  const v = DECIMAL.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isFinite(v)) throw new UsageError(`--${flag} must be a finite number, got '${text}'`);
  return v;
}

/** Parse an integer in [min, max] (decimal or scientific notation that is a whole number: 1e3 is fine). */
export function parseIntegerInRange(flag: string, text: string, min: number, max: number): number {
  const v = DECIMAL.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new UsageError(`--${flag} must be an integer from ${min} to ${max}, got '${text}'`);
  }
  return v;
}
