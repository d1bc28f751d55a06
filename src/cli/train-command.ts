/**
 * `train --config <file>` / `train --link <link>`: train an experiment state, optionally to exactly step T
 * (`--steps T` or the state's `stopAt`) for exact replay of what the app shows.
 * `train --trace <file>`: replay a `bsam-trace/1` file (theory.md §6) with its recorded noise and print
 * {"trajectory": [{w, s, gm, loss_at_perturbed}, …]}, shaped like the file's `expected`.
 */
import type { TrainingConfig } from '../state/training.ts';
import { isImageDataset } from '../state/training.ts';
import { paperSummary } from '../train/paper-summary.ts';
import type { RunOptions } from '../train/core/training-core.ts';
import { FusedTrainingRun } from '../train/fused/fused-run.ts';
import { TrainingRun } from '../train/run.ts';
import { tf } from '../train/tf.ts';
import { bsamTraceSchema, runTrace, traceShapeProblem } from '../train/trace.ts';
import { parseOptions, UsageError } from './args.ts';
import type { CliIO, Command, CliResult } from './command.ts';
import { EXPERIMENT_OPTIONS, readExperiment, readText } from './experiment-input.ts';
import { loadImageDataset } from './image-data.ts';

const HELP = `Usage: npm run --silent cli -- train --config <file> [--steps <T>] [--engine tfjs-cpu|fused]
       npm run --silent cli -- train --link <url-or-fragment> [--steps <T>] [--engine tfjs-cpu|fused]
       npm run --silent cli -- train --trace <file>

--config: trains the experiment state in <file> (the app's state JSON, as "Save state" writes it; a file
may hold only some sections or fields, the rest default, but a field that is there must be valid) and
prints one JSON line per epoch as the epoch ends {"epoch", "step", "train_loss", "test_accuracy", "nll",
"ece"}, then {"summary": {"epochs", "steps", "optimizer", "evaluated_on", "accuracy", "nll", "ece",
"mean", "bayes", "train_seconds"}}: accuracy/nll/ece as the app's panel shows them; "mean" (the mean
weights) and "bayes" (bSAM's model average over predictiveSamples posterior samples; bSAM only) hold the
paper's metrics {"accuracy", "nll", "ece", "auroc"} as the official test.py computes them;
"train_seconds" is the wall time of the training steps alone. Seeded: the same file gives the same
numbers. A number that cannot be computed (a diverged run) is null, with a warning on stderr.
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
--engine: tfjs-cpu (the default; what the app's cpu backend computes, bit for bit) or fused (the app's fused
WebAssembly engine: the same data, initial weights and noise, equal to tfjs-cpu up to float32 rounding, and
much faster on image data: the way to train Fashion-MNIST from the command line). --trace always runs on
the TensorFlow.js cpu backend (float32).

Options:
  --config <file>  an experiment-state JSON file (whole or partial)
  --link <link>    an app link or its fragment
  --steps <T>      stop after T optimizer steps (a whole number ≥ 1)
  --trace <file>   a bsam-trace/1 JSON file
  --engine <name>  tfjs-cpu (default) or fused
  --help           this text
`;

function readJson(flag: string, path: string): unknown {
  const text = readText(flag, path);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--${flag} file '${path}' is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function readSteps(text: string): number {
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1) throw new UsageError(`--steps must be a whole number of at least 1, not '${text}'`);
  return Number(text);
}

/** The engines `--engine` names: the tfjs run on its cpu backend, or the fused WebAssembly run. */
const ENGINES = ['tfjs-cpu', 'fused'] as const;
type CliEngine = (typeof ENGINES)[number];

function readEngine(text: string | boolean | undefined): CliEngine {
  if (text === undefined) return 'tfjs-cpu';
  const found = ENGINES.find((e) => e === text);
  if (!found) throw new UsageError(`--engine must be one of ${ENGINES.join(', ')}, not '${String(text)}'`);
  return found;
}

/** The mean weights as float32 blocks in the flat layout's order (w then b, layer by layer): the tfjs run's tensors, or the fused run's one buffer. */
function weightBlocks(run: TrainingRun | FusedTrainingRun): ArrayLike<number>[] {
  return run instanceof FusedTrainingRun ? [run.weights] : run.weights.map((t) => t.dataSync());
}

/** 32-bit FNV-1a over the bytes of the float32 weights, as hex: equal only for bit-identical weights. */
export function weightsDigest(weights: readonly ArrayLike<number>[]): string {
  let h = 0x811c9dc5;
  for (const t of weights) {
    const bytes = new Uint8Array(Float32Array.from(t).buffer);
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Notes a run's first non-finite step loss, for the warning that explains null metrics. */
class DivergenceWatch {
  firstStep: number | null = null;
  see(loss: number, step: number): void {
    if (this.firstStep === null && !Number.isFinite(loss)) this.firstStep = step;
  }
  warnings(): string[] {
    return this.firstStep === null ? [] : [`warning: the run diverged (the loss was not finite first at step ${this.firstStep}); metrics it cannot define are null`];
  }
}

const line = (value: unknown) => `${JSON.stringify(value)}\n`;

/** Exactly `steps` optimizer steps (capped at the schedule's end), epoch lines as they end, then the state at the stop. */
function trainToStep(config: TrainingConfig, steps: number, engine: CliEngine, io: CliIO): string[] {
  const run = makeRun(config, engine);
  const watch = new DivergenceWatch();
  try {
    const last = Math.min(steps, config.epochs * run.stepsPerEpoch);
    let stepLoss = NaN;
    while (run.step < last) {
      const { loss, epochLoss } = run.advance();
      stepLoss = loss;
      watch.see(loss, run.step);
      if (epochLoss === null) continue;
      const e = run.evaluate();
      io.write(line({ epoch: run.epoch, step: run.step, train_loss: epochLoss, test_accuracy: e.accuracy, nll: e.nll, ece: e.ece }));
    }
    const e = run.evaluate();
    const stopped = { step: run.step, epoch: run.epoch, step_loss: stepLoss, accuracy: e.accuracy, nll: e.nll, ece: e.ece, evaluated_on: e.on, weights_digest: weightsDigest(weightBlocks(run)) };
    io.write(line({ stopped }));
  } finally {
    run.dispose();
  }
  return watch.warnings();
}

/** Every epoch, each line printed when its epoch ends, then the summary. */
function trainConfig(config: TrainingConfig, engine: CliEngine, io: CliIO): string[] {
  const run = makeRun(config, engine);
  const watch = new DivergenceWatch();
  let trainMs = 0;
  try {
    for (let e = 0; e < config.epochs; e++) {
      const start = performance.now();
      let trainLoss: number | null = null;
      while (trainLoss === null) {
        const { loss, epochLoss } = run.advance();
        watch.see(loss, run.step);
        trainLoss = epochLoss;
      }
      trainMs += performance.now() - start;
      const ev = run.evaluate();
      io.write(line({ epoch: run.epoch, step: run.step, train_loss: trainLoss, test_accuracy: ev.accuracy, nll: ev.nll, ece: ev.ece }));
    }
    const final = run.evaluate();
    const summary = { epochs: run.epoch, steps: run.step, optimizer: config.optimizer.kind, evaluated_on: final.on, accuracy: final.accuracy, nll: final.nll, ece: final.ece, ...paperSummary(run), train_seconds: trainMs / 1000 };
    io.write(line({ summary }));
  } finally {
    run.dispose();
  }
  return watch.warnings();
}

/** The run's data: the config's generated 2-D points, or for an image dataset the files read from public/. */
function runOptions(config: TrainingConfig): RunOptions {
  return isImageDataset(config.dataset.kind) ? { data: loadImageDataset(config) } : {};
}

function makeRun(config: TrainingConfig, engine: CliEngine): TrainingRun | FusedTrainingRun {
  return engine === 'fused' ? new FusedTrainingRun(config, runOptions(config)) : new TrainingRun(config, runOptions(config));
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
  run(args: readonly string[], io: CliIO): CliResult {
    const opts = parseOptions('train', args, {
      trace: { type: 'string' },
      ...EXPERIMENT_OPTIONS,
      steps: { type: 'string' },
      engine: { type: 'string' },
      help: { type: 'boolean' },
    });
    if (opts.help) return { code: 0, stdout: HELP, stderr: '' };
    const trace = typeof opts.trace === 'string' ? opts.trace : null;
    if ([trace, opts.config, opts.link].filter((x) => x !== undefined && x !== null).length !== 1) throw new UsageError('train needs exactly one of --config <file>, --link <link> or --trace <file> (see train --help)');
    if (trace !== null && opts.steps !== undefined) throw new UsageError('--steps goes with --config or --link, not --trace');
    if (trace !== null && opts.engine !== undefined) throw new UsageError('--engine goes with --config or --link; --trace replays on tfjs cpu');
    const engine = readEngine(opts.engine);
    // Validate before touching tfjs, so bad input fails fast and quietly.
    const steps = typeof opts.steps === 'string' ? readSteps(opts.steps) : null;
    const parsedTrace = trace !== null ? readTrace(trace) : null;
    const experiment = trace === null ? readExperiment(opts, 'train') : null;
    // PROD silences tfjs's "install tfjs-node" banner; cpu is deterministic and needs no async start-up.
    tf.env().set('PROD', true);
    void tf.setBackend('cpu');
    if (parsedTrace) return { code: 0, stdout: `${JSON.stringify({ trajectory: runTrace(parsedTrace) })}\n`, stderr: '' };
    const { state, warnings } = experiment as NonNullable<typeof experiment>;
    const training = state.training;
    const stopAt = steps ?? training.stopAt;
    const runWarnings = stopAt === null ? trainConfig(training, engine, io) : trainToStep(training, stopAt, engine, io);
    const all = [...warnings, ...runWarnings];
    return { code: 0, stdout: '', stderr: all.length ? `${all.join('\n')}\n` : '' };
  },
};
