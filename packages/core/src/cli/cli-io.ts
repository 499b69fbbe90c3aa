/**
 * What the `peeker-domains` CLI writes to and reads from. The bin passes the real process
 * streams; tests pass string collectors and a hand-made environment.
 */

/** A stream the CLI writes text to (`process.stdout`, `process.stderr`, or a test double). */
export interface CliWritable {
  write(text: string): unknown;
  /** `true` when the stream is a terminal: progress is then drawn as a bar. @default false */
  isTTY?: boolean;
  /** Terminal width in columns, when known. @default 80 */
  columns?: number;
}

/** Streams, environment and cancellation for {@link runCli}. */
export interface CliIo {
  /** Results (the chosen domains, the estimate, JSON). */
  stdout: CliWritable;
  /** Progress, warnings and error messages. */
  stderr: CliWritable;
  /** Environment variables; only `PEEKER_API_KEY` is read. */
  env: Readonly<Record<string, string | undefined>>;
  /** Aborts a running command (the bin wires it to Ctrl-C); it then exits with 130. @default undefined */
  signal?: AbortSignal;
}

/** The CLI's exit codes. */
export const ExitCode = {
  /** Success: domains picked, or an estimate printed. */
  ok: 0,
  /** No valid selection exists among every candidate the CLI was allowed to check. */
  infeasible: 1,
  /** Bad command line (unknown option, missing value, wrong number…); nothing was sent. */
  usage: 2,
  /** The Peeker API (or the sandbox) failed: bad key, forbidden, unreachable, 5xx after retries. */
  api: 3,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
} as const;
/** One of {@link ExitCode}'s values. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
