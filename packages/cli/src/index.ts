/**
 * `@peeker/cli`: the `peeker-domains` command line as a function, for scripts and tests
 * (`runCli(argv, io)` resolves with the exit code). The `peeker-domains` bin calls it with
 * the process streams.
 *
 * Every public name is listed here by hand (no `export *`).
 * @packageDocumentation
 */
export { runCli, ExitCode } from './run-cli.ts';
export type { CliIo, CliWritable, RunningSandbox, SandboxModule } from './run-cli.ts';
