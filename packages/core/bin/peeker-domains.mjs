#!/usr/bin/env node
// peeker-domains: pick the cheapest valid set of Peeker sending domains from the command line.
// The logic lives in dist/cli/run-cli.js (built from src/cli/run-cli.ts); see `peeker-domains --help`.
import { runCli } from '../dist/cli/run-cli.js';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort(new Error('interrupted')));

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: controller.signal,
});
process.exitCode = code;
// Everything the CLI opened is closed by now; this only guards against a stray handle.
setTimeout(() => process.exit(code), 2000).unref();
