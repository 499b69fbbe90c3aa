/**
 * Packed-package smoke tests: the packages as a partner installs them, not as the workspace
 * sees them. `pnpm pack` builds and packs @peeker/core, @peeker/sandbox, @peeker/cli,
 * @peeker/redis and @peeker/elements;
 * a throw-away consumer in the OS temp directory installs the tarballs with npm (plus lit,
 * fast-check and @types/node from the registry) and then:
 *
 * - the tarballs hold every file their package.json points at, ship no sources, and carry no
 *   `workspace:` range;
 * - a plain Node ESM script imports `@peeker/core` and `@peeker/core/server` and solves;
 * - TypeScript type-checks a consumer file against the published `.d.ts` (bundler and
 *   nodenext resolution);
 * - Vite bundles a plain HTML page and Chromium shows a working `<peeker-domain-picker>`,
 *   served by a partner-style backend (availability handler → client → sandbox);
 * - the `peeker-domains` bin runs from `node_modules/.bin` with no key.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PACKAGES,
  ROOT,
  assertOk,
  childEnv,
  installConsumer,
  packWorkspace,
  readTarball,
  run,
  type PackageDir,
} from './pack-fixture.ts';
import {
  exportsProblems,
  leakedWorkspaceRanges,
  missingEntryPoints,
  tsSpecifiers,
  unexpectedFiles,
  type PackedPackage,
} from './tarball-checks.ts';

const FIXTURES = new URL('./consumer/', import.meta.url);
const SETUP_TIMEOUT = 300_000;

let work = '';
let consumer = '';
const packed = {} as Record<PackageDir, PackedPackage & { root: string }>;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'peeker-pack-'));
  consumer = join(work, 'consumer');
  const tarballs = await packWorkspace(join(work, 'tarballs'));
  for (const dir of PACKAGES) packed[dir] = await readTarball(tarballs[dir], join(work, 'extracted', dir));
  await installConsumer(consumer, tarballs, {
    lit: '3.3.3',
    'fast-check': '4.10.2',
    '@types/node': '20.19.43',
  });
  cpSync(FIXTURES, consumer, { recursive: true });
}, SETUP_TIMEOUT);

afterAll(() => {
  if (work !== '' && process.env['PEEKER_KEEP_PACK_DIR'] === undefined) rmSync(work, { recursive: true, force: true });
});

describe('tarball contents', () => {
  it.each(PACKAGES)('%s: no workspace: range survives packing', (dir) => {
    expect(leakedWorkspaceRanges(packed[dir])).toEqual([]);
  });

  it.each(PACKAGES)('%s: every entry point exists in the tarball', (dir) => {
    expect(missingEntryPoints(packed[dir])).toEqual([]);
  });

  it.each(PACKAGES)('%s: ships dist/ only (no sources, tests or configs)', (dir) => {
    expect(unexpectedFiles(packed[dir].files)).toEqual([]);
    expect([...packed[dir].files].some((f) => f.startsWith('dist/') && f.endsWith('.js.map'))).toBe(true);
  });

  it.each(PACKAGES)('%s: built files import ./x.js, never ./x.ts', (dir) => {
    const found: string[] = [];
    for (const file of packed[dir].files) {
      if (!/\.(?:js|d\.ts)$/.test(file)) continue;
      found.push(...tsSpecifiers(file, readFileSync(join(packed[dir].root, file), 'utf8')));
    }
    expect(found).toEqual([]);
  });

  it.each(PACKAGES)('%s: publishes the same subpaths the workspace exports (source-first vs dist)', (dir) => {
    const workspace = JSON.parse(readFileSync(join(ROOT, 'packages', dir, 'package.json'), 'utf8')) as { exports: object };
    expect(Object.keys(packed[dir].manifest['exports'] as object).sort()).toEqual(Object.keys(workspace.exports).sort());
  });

  it('core: exports ., ./server, ./testing with types first; sideEffects false; no bin; ESM; engines', () => {
    const m = packed.core.manifest;
    expect(exportsProblems(m, ['.', './server', './testing'])).toEqual([]);
    expect(m['sideEffects']).toBe(false);
    expect(m['type']).toBe('module');
    expect(m['bin']).toBeUndefined(); // the CLI is @peeker/cli
    expect(m['engines']).toEqual({ node: '>=20.19' });
    // The sandbox is optional: never a hard dependency of core (that would be a cycle).
    expect(Object.keys((m['dependencies'] ?? {}) as object)).not.toContain('@peeker/sandbox');
    const peerMeta = (m['peerDependenciesMeta'] ?? {}) as Record<string, { optional?: boolean }>;
    if ('@peeker/sandbox' in ((m['peerDependencies'] ?? {}) as object)) {
      expect(peerMeta['@peeker/sandbox']?.optional).toBe(true);
    }
  });

  it('cli: the peeker-domains bin, ESM, and the sandbox as a dependency', () => {
    const m = packed.cli.manifest;
    expect(exportsProblems(m, ['.'])).toEqual([]);
    expect(m['bin']).toEqual({ 'peeker-domains': './bin/peeker-domains.mjs' });
    expect(m['type']).toBe('module');
    expect(Object.keys((m['dependencies'] ?? {}) as object).sort()).toEqual(['@peeker/core', '@peeker/sandbox']);
    expect(packed.cli.files.has('bin/peeker-domains.mjs')).toBe(true);
  });

  it('redis: one entry, ESM, server-only dependencies (core and @redis/client)', () => {
    const m = packed.redis.manifest;
    expect(exportsProblems(m, ['.'])).toEqual([]);
    expect(m['type']).toBe('module');
    expect(Object.keys((m['dependencies'] ?? {}) as object).sort()).toEqual(['@peeker/core', '@redis/client']);
  });

  it('core: the main entry is browser-safe (no node:* or undici anywhere in its import graph)', () => {
    const seen = new Set<string>();
    const bad: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(join(packed.core.root, file), 'utf8');
      for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) {
        const spec = match[1]!;
        if (spec.startsWith('.')) visit(join(file, '..', spec).split('\\').join('/'));
        else if (spec.startsWith('node:') || spec === 'undici' || spec.startsWith('undici/')) bad.push(`${file} → ${spec}`);
      }
    };
    visit('dist/index.js');
    expect(seen.size).toBeGreaterThan(10);
    expect(bad).toEqual([]);
  });

  it('elements: exports its entry, define module and events; only define files have side effects', () => {
    const m = packed.elements.manifest;
    expect(exportsProblems(m, ['.', './define/peeker-domain-picker.js', './events'])).toEqual([]);
    expect(m['sideEffects']).toEqual(expect.arrayContaining(['./dist/define/*.js']));
    for (const pattern of m['sideEffects'] as string[]) expect(pattern).toMatch(/\/define\//);
    expect((m['dependencies'] as Record<string, string>)['@peeker/core']).toBe(String(packed.core.manifest['version']));
  });

  it('elements: custom-elements.json describes <peeker-domain-picker> and points at shipped files', () => {
    const m = packed.elements.manifest;
    expect(m['customElements']).toBe('custom-elements.json');
    const cem = JSON.parse(readFileSync(join(packed.elements.root, 'custom-elements.json'), 'utf8')) as {
      modules: { path: string; declarations?: Record<string, unknown>[]; exports?: { kind: string; name: string; declaration: { module?: string } }[] }[];
    };
    for (const mod of cem.modules) expect(packed.elements.files.has(mod.path), mod.path).toBe(true);
    const definition = cem.modules.flatMap((mod) => mod.exports ?? []).find((e) => e.kind === 'custom-element-definition');
    expect(definition?.name).toBe('peeker-domain-picker');
    const picker = cem.modules.flatMap((mod) => mod.declarations ?? []).find((d) => d['tagName'] === 'peeker-domain-picker');
    expect(picker).toBeDefined();
    const names = (key: string) => ((picker![key] ?? []) as { name: string }[]).map((x) => x.name);
    expect(names('attributes')).toEqual(expect.arrayContaining(['brand', 'required-google', 'required-microsoft', 'endpoint']));
    expect(names('events')).toEqual(expect.arrayContaining(['change', 'peeker-order-ready', 'peeker-error']));
    expect(names('cssParts')).toEqual(expect.arrayContaining(['base', 'listbox', 'option']));
    expect(names('cssProperties')).toEqual(expect.arrayContaining(['--peeker-accent-color']));
  });

  it('sandbox: publishable, exports its entry, depends on the packed core version', () => {
    const m = packed.sandbox.manifest;
    expect(m['private']).not.toBe(true);
    expect(exportsProblems(m, ['.'])).toEqual([]);
    expect((m['dependencies'] as Record<string, string>)['@peeker/core']).toBe(String(packed.core.manifest['version']));
  });
});

describe('installed in a consumer outside the workspace', () => {
  it('installed @peeker/core comes from the tarball, once', () => {
    const lock = JSON.parse(readFileSync(join(consumer, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { resolved?: string; version?: string }>;
    };
    const copies = Object.keys(lock.packages).filter((p) => p.endsWith('node_modules/@peeker/core'));
    expect(copies).toEqual(['node_modules/@peeker/core']);
    expect(consumer.startsWith(ROOT)).toBe(false);
  });

  it('a plain Node ESM script imports @peeker/redis and @peeker/cli', async () => {
    const script = [
      "const redis = await import('@peeker/redis');",
      "const cli = await import('@peeker/cli');",
      'console.log(JSON.stringify({ stores: typeof redis.createRedisStores, runCli: typeof cli.runCli, ok: cli.ExitCode.ok }));',
    ].join(' ');
    const result = assertOk('node --input-type=module', await run(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer, timeoutMs: 60_000 }));
    expect(JSON.parse(result.stdout)).toEqual({ stores: 'function', runCli: 'function', ok: 0 });
  });

  it('a plain Node ESM script imports @peeker/core and @peeker/core/server and solves', async () => {
    const result = assertOk('node solve.mjs', await run(process.execPath, ['solve.mjs'], { cwd: consumer, timeoutMs: 60_000 }));
    const out = JSON.parse(result.stdout) as {
      required: { google: number; microsoft: number; total: number };
      offline: { status: string; google: string[]; microsoft: string[]; cost: { total_cents: number } };
      online: { status: string; google: string[]; microsoft: string[]; domains: string[] };
      checked: number;
      availableChosen: boolean;
    };
    expect(out.required).toEqual({ google: 15, microsoft: 4, total: 19 });
    expect(out.offline).toMatchObject({ status: 'optimal', google: ['a.com'], microsoft: ['c.com'], cost: { total_cents: 2000 } });
    expect(out.online.status).toBe('optimal');
    expect(out.online.google).toHaveLength(15);
    expect(out.online.microsoft).toHaveLength(4);
    expect(out.availableChosen).toBe(true);
  });

  it("the README's property-test recipe runs on @peeker/core/testing, and catches a solver that ignores the rule", async () => {
    const result = assertOk('node org-rule.mjs', await run(process.execPath, ['org-rule.mjs'], { cwd: consumer, timeoutMs: 90_000 }));
    const out = JSON.parse(result.stdout) as { good: { failed: boolean; numRuns: number }; broken: { failed: boolean; error: string | null } };
    expect(out.good).toEqual({ failed: false, numRuns: 150 });
    expect(out.broken.failed).toBe(true);
    expect(out.broken.error).toContain('group_cap');
  });

  it('TypeScript type-checks a consumer against the published types (bundler and nodenext)', async () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    for (const config of ['tsconfig.bundler.json', 'tsconfig.nodenext.json']) {
      const result = await run(process.execPath, [tsc, '-p', config], { cwd: consumer, timeoutMs: 60_000 });
      expect(`${config}: exit ${result.code}\n${result.stdout}${result.stderr}`).toBe(`${config}: exit 0\n`);
    }
  });

  it('the peeker-domains bin runs from node_modules/.bin with no key (embedded sandbox)', async () => {
    const bin = join(consumer, 'node_modules', '.bin', 'peeker-domains');
    expect(existsSync(bin)).toBe(true);
    const pick = await run(bin, ['pick', 'acme', '--google', '3', '--microsoft', '1', '--json'], {
      cwd: consumer,
      timeoutMs: 60_000,
    });
    expect(pick.code, pick.stderr).toBe(0);
    const out = JSON.parse(pick.stdout) as { status: string; source: string; domains: { domain: string; provider: string }[] };
    expect(out.status).toBe('optimal');
    expect(out.source).toBe('sandbox');
    expect(out.domains.filter((d) => d.provider === 'google')).toHaveLength(3);
    expect(out.domains.filter((d) => d.provider === 'microsoft')).toHaveLength(1);

    const estimate = await run(bin, ['estimate', '--volume', '25000'], { cwd: consumer, timeoutMs: 30_000 });
    expect(estimate.code, estimate.stderr).toBe(0);
    expect(estimate.stdout).toMatch(/Google\s+15/);
    expect(estimate.stdout).toMatch(/Microsoft\s+4/);

    const usage = await run(bin, ['pick'], { cwd: consumer, timeoutMs: 30_000 });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('missing <brand>');

    const version = await run(bin, ['--version'], { cwd: consumer, timeoutMs: 30_000 });
    expect(version.stdout.trim()).toBe(String(packed.cli.manifest['version']));
  });

  it('Vite bundles a plain HTML page and Chromium shows a working <peeker-domain-picker>', async () => {
    const { build } = await import('vite');
    await build({
      root: consumer,
      configFile: false,
      logLevel: 'warn',
      build: { outDir: join(consumer, 'dist'), emptyOutDir: true },
    });
    const html = readFileSync(join(consumer, 'dist', 'index.html'), 'utf8');
    expect(html).toMatch(/<script type="module"[^>]+src="\/assets\/[^"]+\.js"/);

    // A partner-style backend from the installed packages: static files + availability handler.
    const server = await startConsumerServer(consumer);
    const { chromium } = await import('playwright');
    const { chromiumArgs } = await import('../../vitest.config.ts');
    const browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: chromiumArgs,
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(server.url);
      await page.waitForFunction(() => customElements.get('peeker-domain-picker') !== undefined, undefined, { timeout: 20_000 });
      // Rows from the sandbox arrive through the partner's availability handler.
      await page.locator('peeker-domain-picker [role="option"]').first().waitFor({ timeout: 20_000 });
      await page.evaluate(async () => {
        const picker = document.querySelector('peeker-domain-picker') as HTMLElement & { checksComplete: Promise<void> };
        await picker.checksComplete;
      });
      await page.getByRole('button', { name: /fill cheapest/i }).click();
      await page.waitForFunction(
        () => (document.querySelector('peeker-domain-picker') as HTMLElement & { value: string[] }).value.length === 4,
        undefined,
        { timeout: 20_000 },
      );
      const state = await page.evaluate(() => {
        const picker = document.querySelector('peeker-domain-picker') as HTMLElement & { value: string[] };
        return { value: picker.value, complete: picker.matches(':state(complete)'), changes: (window as unknown as { __changes: number }).__changes };
      });
      expect(state.value).toHaveLength(4);
      expect(state.complete).toBe(true);
      expect(state.changes).toBeGreaterThan(0);
      expect(server.availabilityCalls()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

/** Runs consumer/server.mjs (a partner backend built from the installed packages). */
async function startConsumerServer(dir: string): Promise<{ url: string; availabilityCalls: () => number; close: () => Promise<void> }> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['server.mjs'], { cwd: dir, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let pending = '';
  let stderr = '';
  let calls = 0;
  let onListening: (url: string) => void = () => {};
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // One line per event: "listening <url>" once, then "availability" per handler call.
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      const line = pending.slice(0, newline).trim();
      pending = pending.slice(newline + 1);
      if (line.startsWith('listening ')) onListening(line.slice('listening '.length));
      else if (line === 'availability') calls += 1;
      newline = pending.indexOf('\n');
    }
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server.mjs did not start:\n${stderr}`)), 20_000);
    onListening = (listening) => {
      clearTimeout(timer);
      resolve(listening);
    };
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server.mjs exited with ${code}:\n${stderr}`));
    });
  });
  return {
    url,
    availabilityCalls: () => calls,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}

