/** What every subcommand provides to the command table in cli.ts. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Where a command may stream its output as it goes (`train` prints each epoch's line when the epoch ends):
 * main.ts writes to stdout at once; tests and runCli without a sink collect it into `stdout`.
 */
export interface CliIO {
  write(text: string): void;
}

export interface Command {
  name: string;
  /** One line for the top-level usage. */
  summary: string;
  /** Full `<command> --help` text. */
  help: string;
  /**
   * Run with the arguments after the command name; throw UsageError for bad arguments. What is written to
   * `io` comes out before the returned stdout.
   */
  run(args: readonly string[], io: CliIO): CliResult;
}
