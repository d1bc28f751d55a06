/**
 * `train --config <file>` / `train --link <link>`: train an experiment state, optionally to exactly step T
 * (`--steps T` or the state's `stopAt`) for exact replay of what the app shows.
 * `train --trace <file>`: replay a `bsam-trace/1` file (theory.md §6) with its recorded noise and print
 * {"trajectory": [{w, s, gm, loss_at_perturbed}, …]}, shaped like the file's `expected`.
 */
import { readFileSync } from 'node:fs';
import { experimentStateSchema } from '../state/experiment.ts';
import { decodeFragment, describeNotice } from '../state/permalink/index.ts';
import type { TrainingConfig } from '../state/training.ts';
import { TrainingRun } from '../train/run.ts';
import { tf } from '../train/tf.ts';
import { bsamTraceSchema, runTrace, traceShapeProblem } from '../train/trace.ts';
import { parseOptions, UsageError } from './args.ts';
import type { Command, CliResult } from './command.ts';

const HELP = `Usage: npm run --silent cli -- train --config <file> [--steps <T>]
       npm run --silent cli -- train --link <url-or-fragment> [--steps <T>]
       npm run --silent cli -- train --trace <file>

--config: trains the experiment state in <file> (the app's state JSON, as "Save state" writes it) and
prints one JSON line per epoch {"epoch", "step", "train_loss", "test_accuracy", "nll", "ece"} and a final
{"summary": …} line. Seeded: the same file gives the same numbers.
--link: the same for the state in an app link (https://…/#v=1&… or just the part after '#'); what the
link holds that the app would not use is listed on stderr as warnings, as the app lists it.
--steps T, or "stopAt" in the state (the app's "Pause at step"): train exactly T optimizer steps (at most
the schedule's epochs), print the epoch lines completed by then and a final line
{"stopped": {"step", "epoch", "step_loss", "accuracy", "nll", "ece", "evaluated_on", "weights_digest"}}:
the numbers the app shows when it pauses at step T on its cpu backend; weights_digest is FNV-1a of the
float32 weights, equal only for bit-identical weights.
--trace: replays a bsam-trace/1 file (model.loss "logistic" with a 0/1 column y, or "softmax" with one-hot
rows y) with the noise it records and prints the bSAM trajectory as JSON:
{"trajectory": [{"w", "s", "gm", "loss_at_perturbed"}, …]} (one entry per step, layers as {w, b}).
Both run on the TensorFlow.js cpu backend (float32).

Options:
  --config <file>  an experiment-state JSON file
  --link <link>    an app link or its fragment
  --steps <T>      stop after T optimizer steps (a whole number ≥ 1)
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

/** The state in an app link: what follows '#' (or the whole text when there is no '#'). */
function readLink(link: string): { config: TrainingConfig; warnings: string[] } {
  const hash = link.indexOf('#');
  const { state, notices } = decodeFragment(hash < 0 ? link : link.slice(hash + 1));
  return { config: state.training, warnings: notices.map((n) => `warning: link ${describeNotice(n)}`) };
}

function readSteps(text: string): number {
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1) throw new UsageError(`--steps must be a whole number of at least 1, not '${text}'`);
  return Number(text);
}

/** 32-bit FNV-1a over the bytes of the float32 weights, as hex: equal only for bit-identical weights. */
export function weightsDigest(weights: readonly { dataSync(): ArrayLike<number> }[]): string {
  let h = 0x811c9dc5;
  for (const t of weights) {
    const bytes = new Uint8Array(Float32Array.from(t.dataSync()).buffer);
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Exactly `steps` optimizer steps (capped at the schedule's end), epoch lines on the way, then the state at the stop. */
function trainToStep(config: TrainingConfig, steps: number): string {
  const run = new TrainingRun(config);
  const lines: string[] = [];
  try {
    const last = Math.min(steps, config.epochs * run.stepsPerEpoch);
    let stepLoss = NaN;
    while (run.step < last) {
      const { loss, epochLoss } = run.advance();
      stepLoss = loss;
      if (epochLoss === null) continue;
      const e = run.evaluate();
      lines.push(JSON.stringify({ epoch: run.epoch, step: run.step, train_loss: epochLoss, test_accuracy: e.accuracy, nll: e.nll, ece: e.ece }));
    }
    const e = run.evaluate();
    const stopped = { step: run.step, epoch: run.epoch, step_loss: stepLoss, accuracy: e.accuracy, nll: e.nll, ece: e.ece, evaluated_on: e.on, weights_digest: weightsDigest(run.weights) };
    lines.push(JSON.stringify({ stopped }));
  } finally {
    run.dispose();
  }
  return `${lines.join('\n')}\n`;
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
  summary: 'train an experiment state (--config, --link; --steps T) or replay a bSAM trace (--trace), printing JSON',
  help: HELP,
  run(args: readonly string[]): CliResult {
    const opts = parseOptions('train', args, {
      trace: { type: 'string' },
      config: { type: 'string' },
      link: { type: 'string' },
      steps: { type: 'string' },
      help: { type: 'boolean' },
    });
    if (opts.help) return { code: 0, stdout: HELP, stderr: '' };
    const trace = typeof opts.trace === 'string' ? opts.trace : null;
    const config = typeof opts.config === 'string' ? opts.config : null;
    const link = typeof opts.link === 'string' ? opts.link : null;
    if ([trace, config, link].filter((x) => x !== null).length !== 1) throw new UsageError('train needs exactly one of --config <file>, --link <link> or --trace <file> (see train --help)');
    if (trace !== null && opts.steps !== undefined) throw new UsageError('--steps goes with --config or --link, not --trace');
    // Validate before touching tfjs, so bad input fails fast and quietly.
    const steps = typeof opts.steps === 'string' ? readSteps(opts.steps) : null;
    const parsedTrace = trace !== null ? readTrace(trace) : null;
    const fromLink = link !== null ? readLink(link) : null;
    const parsedConfig = config !== null ? readConfig(config) : (fromLink?.config ?? null);
    const stderr = fromLink?.warnings.length ? `${fromLink.warnings.join('\n')}\n` : '';
    // PROD silences tfjs's "install tfjs-node" banner; cpu is deterministic and needs no async start-up.
    tf.env().set('PROD', true);
    void tf.setBackend('cpu');
    if (parsedTrace) return { code: 0, stdout: `${JSON.stringify({ trajectory: runTrace(parsedTrace) })}\n`, stderr: '' };
    const training = parsedConfig as TrainingConfig;
    const stopAt = steps ?? training.stopAt;
    return { code: 0, stdout: stopAt === null ? trainConfig(training) : trainToStep(training, stopAt), stderr };
  },
};
