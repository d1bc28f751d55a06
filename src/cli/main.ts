/** Process entry point (`npm run --silent cli -- …`): everything else lives in runCli. */
import { runCli } from './cli.ts';

// A closed pipe (e.g. `| head`) is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
});
// Streamed lines (train's epochs) go out as they are written: stdout to a pipe or file is synchronous on Linux.
const result = runCli(process.argv.slice(2), { write: (text) => void process.stdout.write(text) });
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
// exitCode rather than process.exit(), so large outputs are flushed before the process ends.
process.exitCode = result.code;
