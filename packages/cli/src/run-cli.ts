/**
 * The `peeker-domains` command line, as a function: `runCli(argv, io)` resolves with the exit
 * code. The bin (`bin/peeker-domains.mjs`) passes the process streams; tests call it
 * in-process with string collectors. Node only (it reads `node:util`, starts servers).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { PeekerApiError, PeekerError, defaultPatternCap, estimateRequiredDomains, generateCandidates, pickDomains } from '@peeker/core';
import { createPeekerClient, type PeekerClient } from '@peeker/core/server';
import { ExitCode, type CliIo, type RunningSandbox } from './cli-io.ts';
import { ESTIMATE_USAGE, MAIN_USAGE, PICK_USAGE } from './cli-usage.ts';
import { formatSelectionTable, pickedDomains } from './format-selection.ts';
import { SandboxMissingError, startEmbeddedSandbox } from './load-sandbox.ts';
import { createProgressReporter } from './progress-reporter.ts';

export { ExitCode } from './cli-io.ts';
export type { CliIo, CliWritable, RunningSandbox, SandboxModule } from './cli-io.ts';

/** Default most names to check in total. */
const DEFAULT_LIMIT = 1000;

/** A command-line mistake: printed with a hint, exit code 2. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Runs the `peeker-domains` CLI.
 *
 * - `pick <brand> --google N --microsoft N [--tlds com,org] [--years 2] [--limit N] [--json]
 *   [--base-url URL] [--sandbox]`: generates candidates, checks them (progress on stderr),
 *   solves, and prints the cheapest valid set. When the rows cannot fill the order it checks
 *   more candidates (doubling, up to `--limit`). Uses the Peeker API when `PEEKER_API_KEY` is
 *   set, otherwise the embedded `@peeker/sandbox` on a free loopback port.
 * - `estimate --volume N [--google-percent P --microsoft-percent P] [--weekends] [--inboxes 3] [--json]`.
 *
 * The API key is never printed: every message is scrubbed of it.
 *
 * @param argv - the arguments after the executable (`process.argv.slice(2)`)
 * @param io - output streams, environment and an optional abort signal; see {@link CliIo}
 * @returns the exit code: 0 ok, 1 infeasible, 2 usage error, 3 API error, 70 internal error,
 *   130 interrupted
 * @throws never for expected failures (they become exit codes); only programming errors escape
 * @example
 * ```ts
 * const out: string[] = [];
 * const code = await runCli(['estimate', '--volume', '25000', '--json'], {
 *   stdout: { write: (s) => out.push(s) }, stderr: { write: () => {} }, env: {},
 * });
 * // code === 0, JSON.parse(out.join('')) → { google: 15, microsoft: 4, total: 19, … }
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const secret = io.env['PEEKER_API_KEY'] ?? '';
  const scrub = (text: string): string => (secret.length > 0 ? text.split(secret).join('[redacted]') : text);
  const err = (text: string): void => void io.stderr.write(scrub(text));
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case 'pick':
        return await runPick(rest, io, err);
      case 'estimate':
        return runEstimate(rest, io);
      case '-h':
      case '--help':
      case 'help':
        io.stdout.write(MAIN_USAGE);
        return ExitCode.ok;
      case '-v':
      case '--version':
        io.stdout.write(`${await readVersion()}\n`);
        return ExitCode.ok;
      case undefined:
        err(MAIN_USAGE);
        return ExitCode.usage;
      default:
        throw new UsageError(`unknown command "${command}"`, MAIN_USAGE);
    }
  } catch (error) {
    if (io.signal?.aborted === true && error === io.signal.reason) {
      err('interrupted\n');
      return ExitCode.interrupted;
    }
    if (error instanceof UsageError) {
      err(`peeker-domains: ${error.message}\n\n${error.usage}`);
      return ExitCode.usage;
    }
    if (isParseArgsError(error)) {
      err(`peeker-domains: ${error.message}\nRun "peeker-domains --help" for usage.\n`);
      return ExitCode.usage;
    }
    if (error instanceof SandboxMissingError) {
      err(`peeker-domains: ${error.message}\n`);
      return ExitCode.usage;
    }
    if (error instanceof PeekerApiError) {
      err(`peeker-domains: ${describeApiError(error)}\n`);
      return ExitCode.api;
    }
    if (PeekerError.is(error)) {
      err(`peeker-domains: ${error.code}: ${error.message}\n`);
      return ExitCode.api;
    }
    err(`peeker-domains: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return ExitCode.internal;
  }
}

type Print = (text: string) => void;

const PICK_OPTIONS = {
  google: { type: 'string' },
  microsoft: { type: 'string' },
  tlds: { type: 'string' },
  years: { type: 'string' },
  limit: { type: 'string' },
  'max-per-pattern': { type: 'string' },
  json: { type: 'boolean', default: false },
  'base-url': { type: 'string' },
  sandbox: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

async function runPick(args: readonly string[], io: CliIo, err: Print): Promise<number> {
  const { values, positionals } = parseFlags(args, PICK_OPTIONS, PICK_USAGE);
  if (values.help) {
    io.stdout.write(PICK_USAGE);
    return ExitCode.ok;
  }
  if (positionals.length === 0) throw new UsageError('missing <brand>', PICK_USAGE);
  const brand = positionals.join(' ').trim();
  if (brand === '') throw new UsageError('missing <brand>', PICK_USAGE);
  const google = integerFlag('--google', values.google, 0, 0, 10_000, PICK_USAGE);
  const microsoft = integerFlag('--microsoft', values.microsoft, 0, 0, 10_000, PICK_USAGE);
  if (google + microsoft === 0) {
    throw new UsageError('ask for at least one domain: --google <n> and/or --microsoft <n>', PICK_USAGE);
  }
  const years = integerFlag('--years', values.years, 1, 1, 100, PICK_USAGE);
  const limit = integerFlag('--limit', values.limit, DEFAULT_LIMIT, 1, 100_000, PICK_USAGE);
  // Pattern diversity (domain-rules §5): no naming family fills more than a third of the order.
  const cap = integerFlag('--max-per-pattern', values['max-per-pattern'], defaultPatternCap({ google, microsoft }), 0, 100_000, PICK_USAGE);
  const tlds = values.tlds === undefined ? undefined : parseTlds(values.tlds);

  const apiKey = io.env['PEEKER_API_KEY'];
  const useApi = !values.sandbox && apiKey !== undefined && apiKey !== '';
  if (values['base-url'] !== undefined && !useApi) {
    throw new UsageError(
      values.sandbox ? '--base-url and --sandbox exclude each other' : '--base-url needs PEEKER_API_KEY in the environment',
      PICK_USAGE,
    );
  }

  // Validate the brand and TLDs before starting anything.
  asUsage(() => generateCandidates({ brand, ...(tlds === undefined ? {} : { tlds }), limit: 1 }));

  const apiErrors: PeekerError[] = [];
  let sandbox: RunningSandbox | undefined;
  let client: PeekerClient | undefined;
  try {
    if (useApi) {
      client = asUsage(() =>
        createPeekerClient({
          apiKey,
          ...(values['base-url'] === undefined ? {} : { baseUrl: values['base-url'] }),
        }),
      );
      err(`Checking with the Peeker API at ${values['base-url'] ?? 'https://api.peeker.ai/partner/v1'}.\n`);
    } else {
      sandbox = await startEmbeddedSandbox(io.loadSandbox);
      client = createPeekerClient({
        apiKey: sandbox.apiKey,
        baseUrl: sandbox.baseUrl,
      });
      const why = values.sandbox ? '--sandbox' : 'no PEEKER_API_KEY set';
      err(`Checking with the embedded local sandbox (${why}): names and prices are simulated.\n`);
    }

    const progress = createProgressReporter(io.stderr);
    const checker = client;
    const outcome = await pickDomains({
      brand,
      ...(tlds === undefined ? {} : { tlds }),
      required: { google, microsoft },
      years,
      maxPerPattern: cap,
      maxIdeas: limit,
      ...(io.signal === undefined ? {} : { signal: io.signal }),
      check: async (names, options) => {
        progress.start(names.length);
        try {
          return await checker.checkAvailability(names, {
            ...(options.signal === undefined ? {} : { signal: options.signal }),
            onProgress: ({ done, total }) => progress.update(done, total),
            onBatchError: (error) => void apiErrors.push(error),
          });
        } finally {
          progress.finish();
        }
      },
    });
    const fatal = apiErrors.find((e) => !e.retryable);
    if (fatal !== undefined) throw fatal;
    const rows = outcome.rows;
    const result = outcome.result;
    const failed = outcome.notices.find((n) => n.code === 'names_failed');
    const relaxed = outcome.notices.some((n) => n.code === 'cap_relaxed');

    if (result === null || result.status === 'infeasible') {
      if (failed !== undefined && apiErrors.length > 0) throw apiErrors[apiErrors.length - 1];
      const message = result?.message ?? 'No candidates could be generated for this brand.';
      if (values.json) {
        io.stdout.write(
          `${JSON.stringify({ status: 'infeasible', brand, required: { google, microsoft }, checked: rows.length, shortfall: result?.shortfall ?? null, message }, null, 2)}\n`,
        );
      }
      err(`peeker-domains: no valid set among ${rows.length} checked names. ${message}\n`);
      err('Try more TLDs (--tlds com,org,net,co,io), a higher --limit, or fewer domains.\n');
      return ExitCode.infeasible;
    }
    if (failed !== undefined) err(`warning: ${failed.count} names could not be checked (the API kept failing); they were skipped.\n`);
    if (relaxed) {
      err(`note: no set keeps every naming pattern to ${cap} domains or fewer; the cap was relaxed for the cheapest valid set.\n`);
    }

    const picked = pickedDomains(result, rows);
    if (values.json) {
      const out = {
        status: 'optimal',
        brand,
        required: { google, microsoft },
        years,
        checked: rows.length,
        max_per_pattern: relaxed ? null : cap === 0 ? null : cap,
        source: useApi ? 'api' : 'sandbox',
        domains: picked,
        cost: result.cost,
      };
      io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      io.stdout.write(formatSelectionTable({ brand, selection: result, picked, years, checked: rows.length }));
    }
    return ExitCode.ok;
  } finally {
    await client?.close().catch(() => {});
    await sandbox?.close().catch(() => {});
  }
}

const ESTIMATE_OPTIONS = {
  volume: { type: 'string' },
  'google-percent': { type: 'string' },
  'microsoft-percent': { type: 'string' },
  weekends: { type: 'boolean', default: false },
  inboxes: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

function runEstimate(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseFlags(args, ESTIMATE_OPTIONS, ESTIMATE_USAGE);
  if (values.help) {
    io.stdout.write(ESTIMATE_USAGE);
    return ExitCode.ok;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`, ESTIMATE_USAGE);
  if (values.volume === undefined) throw new UsageError('missing --volume <emails a month>', ESTIMATE_USAGE);
  const volume = integerFlag('--volume', values.volume, 0, 0, Number.MAX_SAFE_INTEGER, ESTIMATE_USAGE);
  const gp = values['google-percent'];
  const mp = values['microsoft-percent'];
  let googlePercent: number | null = null;
  let microsoftPercent: number | null = null;
  if (gp !== undefined || mp !== undefined) {
    googlePercent = gp === undefined ? 100 - integerFlag('--microsoft-percent', mp, 0, 0, 100, ESTIMATE_USAGE) : integerFlag('--google-percent', gp, 0, 0, 100, ESTIMATE_USAGE);
    microsoftPercent = mp === undefined ? 100 - googlePercent : integerFlag('--microsoft-percent', mp, 0, 0, 100, ESTIMATE_USAGE);
    if (googlePercent + microsoftPercent !== 100) {
      throw new UsageError(`--google-percent and --microsoft-percent must add up to 100, got ${googlePercent} + ${microsoftPercent}`, ESTIMATE_USAGE);
    }
  }
  const inboxes = integerFlag('--inboxes', values.inboxes, 2, 2, 3, ESTIMATE_USAGE) as 2 | 3;
  const sizing = {
    monthly_sending_volume: volume,
    google_percent: googlePercent,
    microsoft_percent: microsoftPercent,
    send_on_weekends: values.weekends,
    google_inboxes_per_domain: inboxes,
  };
  const required = estimateRequiredDomains(sizing);
  if (values.json) {
    io.stdout.write(`${JSON.stringify({ ...required, estimate: true, sizing }, null, 2)}\n`);
  } else {
    const split = googlePercent === null ? '50/50 (recommended split)' : `${googlePercent}/${microsoftPercent}`;
    io.stdout.write(
      `${volume.toLocaleString('en-US')} emails a month, ${split}, ${values.weekends ? 'every day' : 'weekdays only'}, ${inboxes} Google inboxes per domain:\n` +
        `  Google     ${String(required.google).padStart(6)}\n` +
        `  Microsoft  ${String(required.microsoft).padStart(6)}\n` +
        `  Total      ${String(required.total).padStart(6)}\n` +
        `Estimate fitted to Peeker's published examples; a real bundle's required_domains always wins.\n`,
    );
  }
  return ExitCode.ok;
}

/**
 * `parseArgs` with its errors turned into one plain line and the command's usage: Node's own
 * texts ("argument is ambiguous… '--google=-XYZ'", quoting hints) are written for developers.
 */
function parseFlags<O extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: O, usage: string) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    const code = (error as unknown as { code: string }).code;
    const option = /'(--?[\w-]+)/.exec(error.message)?.[1] ?? '';
    const name = option.replace(/^-+/, '');
    const known = Object.prototype.hasOwnProperty.call(options, name) ? options[name] : undefined;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${option}`, usage);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && known?.type === 'string') {
      const next = args[args.indexOf(option) + 1];
      const what = /^-?\d/.test(next ?? '') ? `a whole number of 0 or more, got ${next}` : 'a value';
      throw new UsageError(`${option} expects ${what}`, usage);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${option} takes no value`, usage);
    throw new UsageError(error.message.split('. ')[0] ?? 'invalid arguments', usage);
  }
}

function integerFlag(name: string, raw: string | undefined, fallback: number, min: number, max: number, usage: string): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`${name} expects a whole number, got "${raw}"`, usage);
  const value = Number(raw.trim());
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${name} must be between ${min} and ${max}, got ${raw}`, usage);
  }
  return value;
}

function parseTlds(raw: string): string[] {
  const tlds = raw
    .split(/[\s,]+/)
    .map((t) => t.trim().replace(/^\./, '').toLowerCase())
    .filter((t) => t !== '');
  if (tlds.length === 0) throw new UsageError('--tlds expects a list such as com,org', PICK_USAGE);
  return tlds;
}

/**
 * Runs a step that validates user input through the library (a brand, TLDs, a key format, a
 * base URL): a `TypeError` or `PeekerError` it throws is the user's mistake, so it becomes a
 * usage error. Errors anywhere else are not reclassified.
 */
function asUsage<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof TypeError || PeekerError.is(error)) throw new UsageError((error as Error).message, PICK_USAGE);
    throw error;
  }
}

function isParseArgsError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

function describeApiError(error: PeekerApiError): string {
  const where = error.status === 0 ? 'could not reach the Peeker API' : `the Peeker API answered ${error.status}`;
  const hint =
    error.status === 401
      ? ' Check PEEKER_API_KEY.'
      : error.status === 403
        ? ' The key\'s permission preset does not allow this call (availability needs a "full" or "limited" key).'
        : '';
  const id = error.requestId === undefined ? '' : ` (request id ${error.requestId})`;
  return `${where}: ${error.code}: ${error.message}${id}.${hint}`;
}

async function readVersion(): Promise<string> {
  // src/ and dist/ are both one level below the package root.
  const text = await readFile(new URL('../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}
