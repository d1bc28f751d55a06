/** What every subcommand provides to the command table in cli.ts. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Command {
  name: string;
  /** One line for the top-level usage. */
  summary: string;
  /** Full `<command> --help` text. */
  help: string;
  /** Run with the arguments after the command name; throw UsageError for bad arguments. */
  run(args: readonly string[]): CliResult;
}
