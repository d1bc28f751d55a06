/**
 * "Run it at scale": the official repository's train.py and test.py command lines for each of the
 * experiment's runs (src/state/official-args.ts does the mapping, shared with `cli export-official`), as a
 * shell script a user pastes on a GPU machine with the official JAX code checked out.
 */
import { toOfficialArgs } from '../../../state/official-args.ts';
import type { OfficialCommands } from '../../../state/official-args.ts';
import type { TrainingConfig } from '../../../state/training.ts';
import { OPTIMIZER_NAMES } from './optimizer-names.ts';

export interface OfficialRun {
  /** e.g. "bSAM, seed 0". */
  title: string;
  commands: OfficialCommands;
}

export function officialRuns(configs: readonly TrainingConfig[]): OfficialRun[] {
  return configs.map((config) => ({ title: `${OPTIMIZER_NAMES[config.optimizer.kind]}, seed ${config.seeds.init}`, commands: toOfficialArgs(config) }));
}

/** The runs as one script: a comment per run (its warnings too), then its train.py and test.py lines. */
export function officialScript(runs: readonly OfficialRun[]): string {
  const blocks = runs.map(({ title, commands }) => [`# ${title}`, ...commands.warnings.map((w) => `# note: ${w}`), commands.trainLine, commands.testLine].join('\n'));
  return `${blocks.join('\n\n')}\n`;
}
