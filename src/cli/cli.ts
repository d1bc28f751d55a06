/**
 * The whole CLI as a pure function of argv (no process access), so tests can call it directly;
 * main.ts only writes the result and sets the exit code.
 */
import { UsageError } from './args.ts';
import type { CliIO, Command, CliResult } from './command.ts';
import { exportOfficialCommand } from './export-official-command.ts';
import { landscapeCommand } from './landscape-command.ts';
import { landscape2dCommand } from './landscape2d-command.ts';
import { trainCommand } from './train-command.ts';

/** Subcommands, in the order the usage lists them. */
export const COMMANDS: readonly Command[] = [landscapeCommand, landscape2dCommand, trainCommand, exportOfficialCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: npm run --silent cli -- <command> [options]

SAM–Bayes Lab command line.

Commands:
${lines.join('\n')}

Run '<command> --help' for the options of a command.
`;
}

const fail = (code: number, message: string): CliResult => ({ code, stdout: '', stderr: `error: ${message.replace(/\s*\n\s*/g, ' ')}\n` });

/**
 * `sink`: where streamed output goes as it is written (main.ts: stdout). Without one it is collected and
 * returned in `stdout`, ahead of the command's final output, so a caller sees the same text either way.
 */
export function runCli(argv: readonly string[], sink?: CliIO): CliResult {
  const streamed: string[] = [];
  const io: CliIO = sink ?? { write: (text) => void streamed.push(text) };
  const withStreamed = (r: CliResult): CliResult => (sink ? r : { ...r, stdout: streamed.join('') + r.stdout });
  const names = COMMANDS.map((c) => c.name).join(', ');
  const [first, ...rest] = argv;
  if (first === undefined) return fail(2, `missing command (available: ${names}); run with --help for usage`);
  if (first === '--help' || first === '-h' || first === 'help') return { code: 0, stdout: usage(), stderr: '' };
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    const what = first.startsWith('-') ? `option '${first}' before a command` : `unknown command '${first}'`;
    return fail(2, `${what} (available: ${names})`);
  }
  try {
    return withStreamed(command.run(rest, io));
  } catch (e) {
    if (e instanceof UsageError) return withStreamed(fail(2, e.message));
    // Anything else is a bug or a numerical failure, not the user's fault: exit 1.
    return withStreamed(fail(1, `${first} failed: ${e instanceof Error ? e.message : String(e)}`));
  }
}
