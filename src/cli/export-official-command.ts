/**
 * `export-official`: the official repository's train.py and test.py command lines for an experiment state,
 * so a run that outgrows the browser can be taken to GPUs with the official JAX code ("Run it at scale").
 */
import { toOfficialArgs } from '../state/official-args.ts';
import { parseOptions, UsageError } from './args.ts';
import type { Command, CliResult } from './command.ts';
import { EXPERIMENT_OPTIONS, readExperiment } from './experiment-input.ts';

const HELP = `Usage: npm run --silent cli -- export-official --link <url-or-fragment> [--format text|json]
       npm run --silent cli -- export-official --config <file> [--format text|json]

Prints the official train.py and test.py command lines (https://github.com/team-approx-bayes/bayesian-sam)
with the hyper-parameters of the state's training section: --dataset fashion --model mlp --optim …
--alpha … --rho … --beta1 … --priorprec … --dafactor … --batchsize … --batchsplit … --epochs …
--warmup … --randomseed …, then test.py --resultsfolder … --testmc M. What the official code cannot
express (a 2-D dataset, other widths, Adam, a constant schedule) is listed on stderr as warnings.

Options:
  --link <link>     an app link or its fragment
  --config <file>   an experiment-state JSON file (whole or partial)
  --format <f>      text (two command lines, default) or json {"train", "test", "train_line", "test_line", "warnings"}
  --help            this text
`;

export const exportOfficialCommand: Command = {
  name: 'export-official',
  summary: "the official repository's train.py / test.py command lines for a state (--link or --config)",
  help: HELP,
  run(args: readonly string[]): CliResult {
    const opts = parseOptions('export-official', args, { ...EXPERIMENT_OPTIONS, format: { type: 'string' }, help: { type: 'boolean' } });
    if (opts.help) return { code: 0, stdout: HELP, stderr: '' };
    const format = typeof opts.format === 'string' ? opts.format : 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, got '${format}'`);
    const { state, warnings: linkWarnings } = readExperiment(opts, 'export-official');
    const out = toOfficialArgs(state.training);
    const warnings = [...linkWarnings, ...out.warnings.map((w) => `warning: ${w}`)];
    const stderr = warnings.length ? `${warnings.join('\n')}\n` : '';
    if (format === 'json') {
      const json = { train: out.train, test: out.test, train_line: out.trainLine, test_line: out.testLine, warnings: out.warnings };
      return { code: 0, stdout: `${JSON.stringify(json)}\n`, stderr };
    }
    return { code: 0, stdout: `${out.trainLine}\n${out.testLine}\n`, stderr };
  },
};
