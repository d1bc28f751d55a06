/**
 * `train --trace <file>`: replay a `bsam-trace/1` file (theory.md §6) with its recorded noise and print
 * {"trajectory": [{w, s, gm, loss_at_perturbed}, …]}, shaped like the file's `expected`.
 */
import { readFileSync } from 'node:fs';
import { experimentStateSchema } from '../state/experiment.ts';
import type { TrainingConfig } from '../state/training.ts';
import { TrainingRun } from '../train/run.ts';
import { tf } from '../train/tf.ts';
import { bsamTraceSchema, runTrace, traceShapeProblem } from '../train/trace.ts';
import { parseOptions, UsageError } from './args.ts';
import type { Command, CliResult } from './command.ts';

const HELP = `Usage: npm run --silent cli -- train --config <file>
       npm run --silent cli -- train --trace <file>

--config: trains the experiment state in <file> (the app's state JSON, with its "training" section) and
prints one JSON line per epoch {"epoch", "step", "train_loss", "test_accuracy", "nll", "ece"} and a final
{"summary": …} line. Seeded: the same file gives the same numbers.
--trace: replays a bsam-trace/1 file with the noise it records and prints the bSAM trajectory as JSON:
{"trajectory": [{"w", "s", "gm", "loss_at_perturbed"}, …]} (one entry per step, layers as {w, b}).
Both run on the TensorFlow.js cpu backend (float32).

Options:
  --config <file>  an experiment-state JSON file
  --trace <file>   a bsam-trace/1 JSON file
  --help           this text
`;

function readJson(flag: string, path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read --${flag} file '${path}': ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--${flag} file '${path}' is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function readConfig(path: string): TrainingConfig {
  const parsed = experimentStateSchema.safeParse(readJson('config', path));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--config file '${path}' is not a valid experiment state: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data.training;
}

function trainConfig(config: TrainingConfig): string {
  const run = new TrainingRun(config);
  const lines: string[] = [];
  try {
    for (let e = 0; e < config.epochs; e++) lines.push(JSON.stringify(run.epochReport()));
    const final = run.evaluate();
    lines.push(JSON.stringify({ summary: { epochs: run.epoch, steps: run.step, optimizer: config.optimizer.kind, evaluated_on: final.on, accuracy: final.accuracy, nll: final.nll, ece: final.ece } }));
  } finally {
    run.dispose();
  }
  return `${lines.join('\n')}\n`;
}

function readTrace(path: string) {
  const json = readJson('trace', path);
  const parsed = bsamTraceSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--trace file '${path}' is not a bsam-trace/1 file: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  const shape = traceShapeProblem(parsed.data);
  if (shape) throw new UsageError(`--trace file '${path}': ${shape}`);
  return parsed.data;
}

export const trainCommand: Command = {
  name: 'train',
  summary: 'train an experiment state (--config) or replay a bSAM trace (--trace), printing JSON',
  help: HELP,
  run(args: readonly string[]): CliResult {
    const opts = parseOptions('train', args, { trace: { type: 'string' }, config: { type: 'string' }, help: { type: 'boolean' } });
    if (opts.help) return { code: 0, stdout: HELP, stderr: '' };
    const trace = typeof opts.trace === 'string' ? opts.trace : null;
    const config = typeof opts.config === 'string' ? opts.config : null;
    if ((trace === null) === (config === null)) throw new UsageError('train needs exactly one of --config <file> or --trace <file> (see train --help)');
    // Validate before touching tfjs, so bad input fails fast and quietly.
    const parsedTrace = trace !== null ? readTrace(trace) : null;
    const parsedConfig = config !== null ? readConfig(config) : null;
    // PROD silences tfjs's "install tfjs-node" banner; cpu is deterministic and needs no async start-up.
    tf.env().set('PROD', true);
    void tf.setBackend('cpu');
    if (parsedTrace) return { code: 0, stdout: `${JSON.stringify({ trajectory: runTrace(parsedTrace) })}\n`, stderr: '' };
    return { code: 0, stdout: trainConfig(parsedConfig as TrainingConfig), stderr: '' };
  },
};
