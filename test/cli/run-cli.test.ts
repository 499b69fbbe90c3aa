/**
 * The `peeker-domains` CLI, called in-process through `runCli(argv, io)`: usage errors, the
 * estimate, and `pick` against the embedded sandbox (no key) and against a sandbox reached
 * as "the API" (`PEEKER_API_KEY` + `--base-url`), including API failures and the promise
 * that the key is never printed.
 */
import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateRequiredDomains, generateCandidates, solveSelection, type AvailabilityRow } from '@peeker/core';
import { createPeekerClient } from '@peeker/core/server';
import { checkSelection } from '@peeker/core/testing';
import { startSandbox, type Sandbox } from '@peeker/sandbox';
import { runCli, ExitCode, type CliIo } from '../../packages/cli/src/run-cli.ts';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with string collectors. */
async function cli(
  argv: string[],
  options: {
    env?: Record<string, string>;
    tty?: boolean;
    signal?: AbortSignal;
    onStderr?: (text: string) => void;
    loadSandbox?: CliIo['loadSandbox'];
  } = {},
): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (text: string) => void (stdout += text) },
    stderr: {
      write: (text: string) => {
        stderr += text;
        options.onStderr?.(text);
      },
      isTTY: options.tty === true,
      columns: 80,
    },
    env: options.env ?? {},
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.loadSandbox === undefined ? {} : { loadSandbox: options.loadSandbox }),
  });
  return { code, stdout, stderr };
}

interface PickJson {
  status: 'optimal';
  brand: string;
  required: { google: number; microsoft: number };
  years: number;
  checked: number;
  max_per_pattern: number | null;
  source: 'sandbox' | 'api';
  domains: { domain: string; provider: 'google' | 'microsoft'; price_cents: number; renewal_price_cents: number; currency: string }[];
  cost: { first_year_cents: number; renewal_cents: number; total_cents: number; currency: string };
}

describe('usage', () => {
  it.each([
    [[], 'Usage: peeker-domains'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['pick'], 'missing <brand>'],
    [['pick', 'acme'], 'ask for at least one domain'],
    [['pick', 'acme', '--google', 'many'], '--google expects a whole number, got "many"'],
    [['pick', 'acme', '--google', '2.5'], '--google expects a whole number'],
    [['pick', 'acme', '--google', '3', '--years', '0'], '--years must be between 1 and 100'],
    [['pick', 'acme', '--google', '3', '--colour'], 'peeker-domains: unknown option --colour\n\nUsage: peeker-domains pick'],
    [['pick', 'acme', '--google', '-1'], 'peeker-domains: --google expects a whole number of 0 or more, got -1\n\nUsage: peeker-domains pick'],
    [['pick', 'acme', '--google'], 'peeker-domains: --google expects a value\n\nUsage: peeker-domains pick'],
    [['pick', 'acme', '--google', '3', '--json=yes'], 'peeker-domains: --json takes no value\n\nUsage: peeker-domains pick'],
    [['estimate', '--volume', '-5'], 'peeker-domains: --volume expects a whole number of 0 or more, got -5\n\nUsage: peeker-domains estimate'],
    [['pick', 'acme', '--google', '3', '--base-url', 'http://127.0.0.1:9/partner/v1'], '--base-url needs PEEKER_API_KEY'],
    [['pick', 'acme', '--google', '3', '--tlds', ' , '], '--tlds expects a list'],
    [['estimate'], 'missing --volume'],
    [['estimate', '--volume', '25000', '--google-percent', '70', '--microsoft-percent', '40'], 'must add up to 100'],
    [['estimate', '--volume', '25000', '--inboxes', '4'], '--inboxes must be between 2 and 3'],
    [['estimate', '--volume', '25000', 'extra'], 'unexpected argument "extra"'],
  ])('%j exits 2 with a clear message', async (argv, message) => {
    const { code, stdout, stderr } = await cli(argv);
    expect(code).toBe(ExitCode.usage);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/ambiguous|To specify|ERR_PARSE_ARGS/);
    expect(stdout).toBe('');
  });

  it.each([[['--help']], [['pick', '--help']], [['estimate', '-h']]])('%j prints help and exits 0', async (argv) => {
    const { code, stdout } = await cli(argv);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: peeker-domains/);
  });

  it('--version prints the package version', async () => {
    const { code, stdout } = await cli(['--version']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+(?:-[\w.]+)?\n$/);
  });
});

describe('estimate', () => {
  it("reproduces Peeker's published examples", async () => {
    const a = await cli(['estimate', '--volume', '25000']);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/Google\s+15\n\s+Microsoft\s+4\n\s+Total\s+19\n/);
    expect(a.stdout).toContain("a real bundle's required_domains always wins");
    const b = await cli(['estimate', '--volume', '100000', '--google-percent', '70', '--microsoft-percent', '30', '--json']);
    expect(JSON.parse(b.stdout)).toMatchObject({ google: 80, microsoft: 10, total: 90, estimate: true });
  });

  test.prop(
    {
      volume: fc.integer({ min: 0, max: 5_000_000 }),
      google: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      weekends: fc.boolean(),
      inboxes: fc.constantFrom(2, 3),
    },
    { numRuns: 40 },
  )('--json is exactly estimateRequiredDomains', async ({ volume, google, weekends, inboxes }) => {
    const argv = ['estimate', '--volume', String(volume), '--inboxes', String(inboxes), '--json'];
    if (google !== undefined) argv.push('--google-percent', String(google), '--microsoft-percent', String(100 - google));
    if (weekends) argv.push('--weekends');
    const { code, stdout } = await cli(argv);
    expect(code).toBe(0);
    const expected = estimateRequiredDomains({
      monthly_sending_volume: volume,
      google_percent: google ?? null,
      microsoft_percent: google === undefined ? null : 100 - google,
      send_on_weekends: weekends,
      google_inboxes_per_domain: inboxes as 2 | 3,
    });
    const out = JSON.parse(stdout) as Record<string, unknown>;
    expect({ google: out['google'], microsoft: out['microsoft'], total: out['total'] }).toEqual(expected);
  });

  it('one percent alone implies the other', async () => {
    const { stdout } = await cli(['estimate', '--volume', '100000', '--google-percent', '70', '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ google: 80, microsoft: 10, sizing: { microsoft_percent: 30 } });
  });
});

describe('pick with the embedded sandbox (no key)', () => {
  it('prints a valid cheapest set as a table with prices and the total', async () => {
    const { code, stdout, stderr } = await cli(['pick', 'acme', '--google', '15', '--microsoft', '4']);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('embedded local sandbox');
    expect(stdout).toMatch(/^Picked 19 domains for "acme": 15 Google, 4 Microsoft \(\d+ names checked\)\./);
    expect(stdout).toMatch(/Domain\s+Provider\s+First year\s+Renewal\/yr/);
    expect(stdout.match(/^\S+\.\w+\s+google\s/gm)).toHaveLength(15);
    expect(stdout.match(/^\S+\.\w+\s+microsoft\s/gm)).toHaveLength(4);
    expect(stdout).toMatch(/Total for the first year: \$\d+\.\d\d\n$/);
  });

  it('--json answer is valid and as cheap as the solver on the same rows (cap included)', async () => {
    const { code, stdout } = await cli(['pick', 'acme', '--google', '6', '--microsoft', '3', '--years', '2', '--tlds', 'com,org,net', '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as PickJson;
    expect(out).toMatchObject({ status: 'optimal', source: 'sandbox', years: 2, required: { google: 6, microsoft: 3 }, max_per_pattern: 3 });
    const names = out.domains.map((d) => d.domain);
    expect(new Set(names).size).toBe(9);
    for (const name of names) expect(name).toMatch(/\.(?:com|org|net)$/);
    // Money adds up: first year + (years − 1) × renewal.
    const first = out.domains.reduce((sum, d) => sum + d.price_cents, 0);
    const renewal = out.domains.reduce((sum, d) => sum + d.renewal_price_cents, 0);
    expect(out.cost).toEqual({ first_year_cents: first, renewal_cents: renewal, total_cents: first + renewal, currency: 'usd' });

    // Re-check the very names the CLI checked against an identical (same default seed) sandbox,
    // and hold its answer to every selection rule, including "nothing cheaper exists".
    const sandbox = await startSandbox();
    const client = createPeekerClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl });
    try {
      const candidates = generateCandidates({ brand: 'acme', tlds: ['com', 'org', 'net'], limit: out.checked });
      const rows: AvailabilityRow[] = await client.checkAvailability(candidates.map((c) => c.domain));
      const patternOf = new Map(candidates.map((c) => [c.domain, c.pattern as string]));
      const problem = {
        rows,
        required: { google: 6, microsoft: 3 },
        years: 2,
        groupOf: (row: AvailabilityRow) => patternOf.get(row.domain) ?? row.domain,
        maxPerGroup: 3,
      };
      const expected = solveSelection(problem);
      expect(expected.status).toBe('optimal');
      if (expected.status !== 'optimal') return;
      expect(out.cost.total_cents).toBe(expected.cost.total_cents);
      const google = out.domains.filter((d) => d.provider === 'google').map((d) => d.domain).sort();
      const microsoft = out.domains.filter((d) => d.provider === 'microsoft').map((d) => d.domain).sort();
      const asResult = { status: 'optimal' as const, google, microsoft, domains: [...names].sort(), cost: out.cost };
      expect(checkSelection(problem, asResult).filter((v) => v.rule !== 'not_cheapest')).toEqual([]);
    } finally {
      await client.close();
      await sandbox.close();
    }
  });

  it('checks more candidates while infeasible, then relaxes the pattern cap', async () => {
    const { code, stdout, stderr } = await cli(['pick', 'acme', '--google', '7', '--max-per-pattern', '1', '--limit', '300', '--json']);
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout) as PickJson;
    // 6 pattern families × 1 cannot hold 7 domains: 3 × 7 names, then doubling up to --limit (core's pickDomains).
    expect(out.checked).toBe(300);
    expect(stderr.match(/checking availability of \d+ names/g)).toEqual([
      'checking availability of 21 names',
      'checking availability of 21 names',
      'checking availability of 42 names',
      'checking availability of 84 names',
      'checking availability of 132 names',
    ]);
    expect(stderr).toContain('the cap was relaxed');
    expect(out.max_per_pattern).toBeNull();
    expect(out.domains).toHaveLength(7);
  });

  it('exits 1 with the shortfall when no valid set exists within --limit', async () => {
    const { code, stdout, stderr } = await cli(['pick', 'acme', '--google', '500', '--microsoft', '20', '--limit', '120', '--json']);
    expect(code).toBe(ExitCode.infeasible);
    const out = JSON.parse(stdout) as { status: string; checked: number; shortfall: { google: number }; message: string };
    expect(out.status).toBe('infeasible');
    expect(out.checked).toBeLessThanOrEqual(120);
    expect(out.shortfall.google).toBeGreaterThan(0);
    expect(stderr).toContain('no valid set among');
    expect(stderr).toContain(out.message);
  });

  it('draws a progress bar on a TTY and plain lines otherwise', async () => {
    const tty = await cli(['pick', 'acme', '--google', '2', '--microsoft', '1'], { tty: true });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/\r {2}[█░]{24} +\d+\/\d+ names checked/);
    expect(tty.stderr).toContain('\r\u001b[2K');
    expect(tty.stderr).not.toContain('checked 12/');
    const plain = await cli(['pick', 'acme', '--google', '2', '--microsoft', '1']);
    expect(plain.stderr).toMatch(/^checked 12\/12 names$/m); // 3 × the 3 names needed, at least 12
    expect(plain.stderr).not.toContain('█');
  });

  it('exits 130 when aborted mid-check', async () => {
    const controller = new AbortController();
    const { code, stderr } = await cli(['pick', 'acme', '--google', '40', '--microsoft', '10'], {
      signal: controller.signal,
      onStderr: (text) => {
        if (text.startsWith('checking availability')) controller.abort(new Error('interrupted by test'));
      },
    });
    expect(code).toBe(ExitCode.interrupted);
    expect(stderr).toContain('interrupted');
  });
});

describe('the embedded sandbox, missing or broken', () => {
  it('says what to install and exits 2 when @peeker/sandbox is not installed', async () => {
    const missing = Object.assign(new Error("Cannot find package '@peeker/sandbox' imported from /app/cli.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    const { code, stderr } = await cli(['pick', 'acme', '--google', '2'], { loadSandbox: () => Promise.reject(missing) });
    expect(code).toBe(ExitCode.usage);
    expect(stderr).toContain('npm i -D @peeker/sandbox');
    expect(stderr).toContain('PEEKER_API_KEY');
  });

  it('reports a sandbox that fails to load as an internal error (70), not as "not installed"', async () => {
    const broken = Object.assign(new Error("Cannot find package 'undici' imported from /app/node_modules/@peeker/sandbox/dist/index.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    const { code, stderr } = await cli(['pick', 'acme', '--google', '2'], { loadSandbox: () => Promise.reject(broken) });
    expect(code).toBe(ExitCode.internal);
    expect(stderr).toContain("Could not load @peeker/sandbox: Cannot find package 'undici'");
    expect(stderr).not.toContain('npm i -D');
  });
});

describe('the bin in a repository checkout (no build: sources through Vite)', () => {
  it('runs pick and estimate and returns the exit code', async () => {
    const { spawnSync } = await import('node:child_process');
    const bin = new URL('../../packages/cli/bin/peeker-domains.mjs', import.meta.url).pathname;
    const env = { ...process.env, PEEKER_API_KEY: '' };
    const pick = spawnSync(process.execPath, [bin, 'pick', 'acme', '--google', '2', '--microsoft', '1', '--json'], { env, encoding: 'utf8', timeout: 60_000 });
    expect(pick.status, pick.stderr).toBe(0);
    expect((JSON.parse(pick.stdout) as PickJson).domains).toHaveLength(3);
    const usage = spawnSync(process.execPath, [bin, 'estimate'], { env, encoding: 'utf8', timeout: 60_000 });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('missing --volume');
  });
});

describe('pick against "the API" (PEEKER_API_KEY + --base-url, served by a sandbox)', () => {
  const KEY = 'pk_test_cli_SECRET_0123456789';
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ apiKey: KEY, apiKeys: { pk_test_cli_readonly: 'read' } });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('uses the API when the key is set, and never prints the key', async () => {
    const { code, stdout, stderr } = await cli(['pick', 'acme', '--google', '3', '--microsoft', '2', '--base-url', sandbox.baseUrl, '--json'], {
      env: { PEEKER_API_KEY: KEY },
    });
    expect(code, stderr).toBe(0);
    expect((JSON.parse(stdout) as PickJson).source).toBe('api');
    expect(stderr).toContain(`Checking with the Peeker API at ${sandbox.baseUrl}`);
    expect(stdout + stderr).not.toContain(KEY);
  });

  it('--sandbox ignores the key', async () => {
    const { code, stdout, stderr } = await cli(['pick', 'acme', '--google', '1', '--sandbox', '--json'], { env: { PEEKER_API_KEY: 'pk_live_not_used_0000' } });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as PickJson).source).toBe('sandbox');
    expect(stderr).toContain('embedded local sandbox (--sandbox)');
    expect(stderr).not.toContain('no PEEKER_API_KEY');
  });

  it('an unreachable API fails fast: one clear error, exit 3, no march through every batch', async () => {
    // Port 9 (discard) refuses connections on loopback: nothing can succeed there.
    const { code, stdout, stderr } = await cli(['pick', 'acme', '--google', '15', '--microsoft', '4', '--limit', '400', '--base-url', 'http://127.0.0.1:9/partner/v1'], {
      env: { PEEKER_API_KEY: KEY },
    });
    expect(code).toBe(ExitCode.api);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/cannot be reached|could not reach/);
    expect(stderr).toContain('ECONNREFUSED');
    expect(stderr).not.toMatch(/checked (?:[1-9]\d*)\/\d+/); // no "checked 400/400" for names that all failed
    expect(stderr.match(/peeker-domains: /g)).toHaveLength(1);
  });

  it('a rejected key exits 3, says 401, and does not print the key', async () => {
    const wrong = 'pk_test_WRONG_secret_9876543210';
    const { code, stdout, stderr } = await cli(['pick', 'acme', '--google', '3', '--base-url', sandbox.baseUrl], { env: { PEEKER_API_KEY: wrong } });
    expect(code).toBe(ExitCode.api);
    expect(stderr).toContain('the Peeker API answered 401');
    expect(stderr).toContain('Check PEEKER_API_KEY');
    expect(stdout + stderr).not.toContain(wrong);
  });

  it('a read-only key exits 3 with the 403 explanation', async () => {
    const { code, stderr } = await cli(['pick', 'acme', '--google', '3', '--base-url', sandbox.baseUrl], { env: { PEEKER_API_KEY: 'pk_test_cli_readonly' } });
    expect(code).toBe(ExitCode.api);
    expect(stderr).toContain('answered 403');
    expect(stderr).toContain('permission preset');
  });

  it('a malformed key is a usage error (exit 2) that does not echo it', async () => {
    const bad = 'sk_live_looks_wrong_12345';
    const { code, stdout, stderr } = await cli(['pick', 'acme', '--google', '3'], { env: { PEEKER_API_KEY: bad } });
    expect(code).toBe(ExitCode.usage);
    expect(stdout + stderr).not.toContain(bad);
  });

  it('survives a transient 500 (retried) and exits 3 when the API keeps failing', async () => {
    sandbox.setFaults({ script: ['server_error'], routes: ['POST /domains/availability'] });
    const ok = await cli(['pick', 'acme', '--google', '2', '--base-url', sandbox.baseUrl, '--json'], { env: { PEEKER_API_KEY: KEY } });
    expect(ok.code, ok.stderr).toBe(0);

    sandbox.setFaults({ rate5xx: 1, routes: ['POST /domains/availability'] });
    try {
      const failed = await cli(['pick', 'acme', '--google', '2', '--limit', '50', '--base-url', sandbox.baseUrl], { env: { PEEKER_API_KEY: KEY } });
      expect(failed.code).toBe(ExitCode.api);
      expect(failed.stderr).toContain('answered 500');
      expect(failed.stderr).toMatch(/request id req_\w+/);
    } finally {
      sandbox.setFaults(undefined);
    }
  });
});
