/**
 * Process plumbing for the packed-package tests: run commands with a clean environment,
 * pack the workspace packages with pnpm, read tarballs, and install them into a throw-away
 * consumer outside the workspace.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackedPackage } from './tarball-checks.ts';

/** The workspace root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The pinned pnpm (toolchain.md §2). */
export const PNPM = ['-y', 'pnpm@12.4.2'] as const;
/** Published packages, in build order (the others import core's built types; cli the sandbox's). */
export const PACKAGES = ['core', 'sandbox', 'cli', 'redis', 'elements'] as const;
export type PackageDir = (typeof PACKAGES)[number];

/** Result of {@link run}. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment for child processes: this process's, minus what `npm test` / pnpm put
 * there about the workspace (`npm_*`, `pnpm_*`, `INIT_CWD`), so `npm install` in the
 * consumer does not think it runs inside the workspace. The registry and cache settings are
 * kept, and `PEEKER_API_KEY` is always removed (the CLI must run keyless).
 * @param extra - variables to add
 * @returns a fresh object
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    const keep = lower === 'npm_config_registry' || lower === 'npm_config_cache';
    if (!keep && (lower.startsWith('npm_') || lower.startsWith('pnpm_') || key === 'INIT_CWD')) continue;
    if (key === 'PEEKER_API_KEY' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

/**
 * Runs a command to completion (never through a shell), collecting its output. Kills it and
 * resolves with `code: null` when it takes longer than `timeoutMs`.
 * @param command - executable
 * @param args - arguments
 * @param options - working directory, environment, time limit
 * @returns exit code and output
 */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      stderr += `\n[killed after ${options.timeoutMs} ms]`;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Throws with the command's output when it did not exit 0. */
export function assertOk(what: string, result: RunResult): RunResult {
  if (result.code !== 0) {
    throw new Error(`${what} failed (exit ${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
  }
  return result;
}

/**
 * `pnpm pack` each published package (its `prepack` script builds `dist/` first) into
 * `<dest>/<dir>/`.
 * @param dest - an empty directory
 * @returns the tarball path per package directory
 */
export async function packWorkspace(dest: string): Promise<Record<PackageDir, string>> {
  const tarballs = {} as Record<PackageDir, string>;
  for (const dir of PACKAGES) {
    const out = join(dest, dir);
    mkdirSync(out, { recursive: true });
    assertOk(
      `pnpm pack (packages/${dir})`,
      await run('npx', [...PNPM, 'pack', '--pack-destination', out], {
        cwd: join(ROOT, 'packages', dir),
        timeoutMs: 180_000,
      }),
    );
    const files = readdirSync(out).filter((f) => f.endsWith('.tgz'));
    if (files.length !== 1) throw new Error(`expected one tarball in ${out}, found ${files.join(', ') || 'none'}`);
    tarballs[dir] = join(out, files[0]!);
  }
  return tarballs;
}

/**
 * Extracts a tarball (with the system `tar`) and reads its package.json and file list.
 * @param tarball - path of a `.tgz` made by `pnpm pack`
 * @param into - an empty directory to extract into
 * @returns the packed package; `root` is the extracted `package/` directory
 */
export async function readTarball(tarball: string, into: string): Promise<PackedPackage & { root: string }> {
  mkdirSync(into, { recursive: true });
  assertOk(`tar -xzf ${tarball}`, await run('tar', ['-xzf', tarball, '-C', into], { cwd: into, timeoutMs: 30_000 }));
  const root = join(into, 'package');
  const manifestText = readFileSync(join(root, 'package.json'), 'utf8');
  const files = new Set<string>();
  for (const file of walk(root)) files.add(relative(root, file).split(sep).join('/'));
  return { root, manifestText, manifest: JSON.parse(manifestText) as Record<string, unknown>, files };
}

/** Every file below `dir`. */
export function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else yield full;
  }
}

/**
 * Writes a consumer project that depends on the tarballs (and nothing from the workspace)
 * and runs `npm install` in it. `overrides` makes every nested `@peeker/core` and
 * `@peeker/sandbox` (the other packages depend on them) resolve to the packed tarball, never to
 * the registry.
 * @param dir - an empty directory outside the workspace
 * @param tarballs - from {@link packWorkspace}
 * @param extraDependencies - registry packages the consumer needs (exact versions)
 */
export async function installConsumer(
  dir: string,
  tarballs: Record<PackageDir, string>,
  extraDependencies: Record<string, string>,
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const pkg = {
    name: 'peeker-pack-consumer',
    version: '1.0.0',
    private: true,
    type: 'module',
    dependencies: {
      '@peeker/core': `file:${tarballs.core}`,
      '@peeker/elements': `file:${tarballs.elements}`,
      '@peeker/sandbox': `file:${tarballs.sandbox}`,
      '@peeker/cli': `file:${tarballs.cli}`,
      '@peeker/redis': `file:${tarballs.redis}`,
      ...extraDependencies,
    },
    overrides: { '@peeker/core': '$@peeker/core', '@peeker/sandbox': '$@peeker/sandbox' },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  assertOk(
    'npm install (consumer)',
    await run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', '--loglevel=error'],
      { cwd: dir, timeoutMs: 240_000 },
    ),
  );
}
