/**
 * The experiment state a command runs: from a state file (`--config`) or an app link (`--link`). A config
 * file may hold only the sections and fields its writer cares about — the rest default, as in the app's
 * "Open state" — but a field that is there and wrong is an error naming it, since a person wrote it.
 */
import { readFileSync } from 'node:fs';
import type { ExperimentState } from '../state/experiment.ts';
import { decodeFragment, decodeStateFile, describeNotice } from '../state/permalink/index.ts';
import type { LinkNotice } from '../state/permalink/index.ts';
import { SECTION_ALIASES, VERSION_KEY } from '../state/permalink/keys.ts';
import { UsageError } from './args.ts';

export function readText(flag: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read --${flag} file '${path}': ${e instanceof Error ? e.message : String(e)}`);
  }
}

const SECTION_OF_ALIAS = new Map(Object.entries(SECTION_ALIASES).map(([section, alias]) => [alias, section]));

/** A link key (`tr.batchSize`) as the path a state file writes (`training.batchSize`). */
function filePath(key: string): string {
  const dot = key.indexOf('.');
  const head = dot < 0 ? key : key.slice(0, dot);
  return (SECTION_OF_ALIAS.get(head) ?? head) + (dot < 0 ? '' : key.slice(dot));
}

/** A file without a version is read as the current one: that is what a hand-written partial file looks like. */
const harmless = (n: LinkNotice) => n.key === VERSION_KEY && /^missing/.test(n.problem);

export function readConfigFile(path: string): ExperimentState {
  const text = readText('config', path);
  try {
    JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--config file '${path}' is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const { state, notices } = decodeStateFile(text);
  const problems = notices.filter((n) => !harmless(n));
  if (problems.length) {
    const list = problems.map((n) => `${filePath(n.key)}: ${n.problem}`);
    throw new UsageError(`--config file '${path}' is not a valid experiment state: ${list.join('; ')}`);
  }
  return state;
}

/** The state in an app link: what follows '#' (or the whole text when there is no '#'), with warnings for what was not used. */
export function readLink(link: string): { state: ExperimentState; warnings: string[] } {
  const hash = link.indexOf('#');
  const { state, notices } = decodeFragment(hash < 0 ? link : link.slice(hash + 1));
  return { state, warnings: notices.map((n) => `warning: link ${describeNotice(n)}`) };
}

export const EXPERIMENT_OPTIONS = { config: { type: 'string' }, link: { type: 'string' } } as const;

/** Exactly one of --config and --link, read. */
export function readExperiment(opts: { config?: string | boolean; link?: string | boolean }, command: string): { state: ExperimentState; warnings: string[] } {
  const config = typeof opts.config === 'string' ? opts.config : null;
  const link = typeof opts.link === 'string' ? opts.link : null;
  if ((config === null) === (link === null)) throw new UsageError(`${command} needs exactly one of --config <file> or --link <link> (see ${command} --help)`);
  return config !== null ? { state: readConfigFile(config), warnings: [] } : readLink(link as string);
}
