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
  /**
   * Loads `@peeker/sandbox` for the no-key mode. The bin of a repository checkout passes one
   * that loads the TypeScript sources; tests can simulate a missing package.
   * @default a dynamic `import('@peeker/sandbox')`
   */
  loadSandbox?: () => Promise<SandboxModule>;
}

/** A running sandbox, as `startSandbox` from `@peeker/sandbox` returns it (the part the CLI uses). */
export interface RunningSandbox {
  /** Base URL of the sandbox's Partner API, to pass as the client's `baseUrl`. */
  baseUrl: string;
  /** The `pk_test_` key the sandbox accepts. */
  apiKey: string;
  /** Stops the server. */
  close(): Promise<void>;
}

/** The part of `@peeker/sandbox` the CLI uses, described structurally (core cannot depend on it). */
export interface SandboxModule {
  startSandbox(options: { port: number; host?: string }): Promise<RunningSandbox>;
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
  /** A bug: an unexpected error (the message includes its stack). */
  internal: 70,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
} as const;
/** One of {@link ExitCode}'s values. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
