/**
 * `train --trace <file>`: replay a `bsam-trace/1` file (theory.md §6) with its recorded noise and print
 * {"trajectory": [{w, s, gm, loss_at_perturbed}, …]}, shaped like the file's `expected`.
 */
import { readFileSync } from 'node:fs';
import { tf } from '../train/tf.ts';
import { bsamTraceSchema, runTrace, traceShapeProblem } from '../train/trace.ts';
import { parseOptions, UsageError } from './args.ts';
import type { Command, CliResult } from './command.ts';

const HELP = `Usage: npm run --silent cli -- train --trace <file>

Replays a bsam-trace/1 file with the noise it records and prints the bSAM trajectory as JSON:
{"trajectory": [{"w", "s", "gm", "loss_at_perturbed"}, …]} (one entry per step, layers as {w, b}).
Runs on the TensorFlow.js cpu backend (float32).

Options:
  --trace <file>  a bsam-trace/1 JSON file
  --help          this text
`;

function readTrace(path: string) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read --trace file '${path}': ${e instanceof Error ? e.message : String(e)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--trace file '${path}' is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
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
  summary: 'replay a bSAM trace with its recorded noise (--trace), printing the trajectory as JSON',
  help: HELP,
  run(args: readonly string[]): CliResult {
    const opts = parseOptions('train', args, { trace: { type: 'string' }, help: { type: 'boolean' } });
    if (opts.help) return { code: 0, stdout: HELP, stderr: '' };
    if (typeof opts.trace !== 'string') throw new UsageError('train needs --trace <file> (see train --help)');
    const trace = readTrace(opts.trace);
    // PROD silences tfjs's "install tfjs-node" banner; cpu is deterministic and needs no async start-up.
    tf.env().set('PROD', true);
    void tf.setBackend('cpu');
    const trajectory = runTrace(trace);
    return { code: 0, stdout: `${JSON.stringify({ trajectory })}\n`, stderr: '' };
  },
};
