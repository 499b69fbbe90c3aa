/**
 * The README's install path until the packages are on the registry: `npm run pack` writes the
 * tarballs into one folder and prints the `npm install` line; that exact line, run in a
 * fresh project outside the workspace, installs @peeker/core and @peeker/elements without
 * asking the registry for either (no 404 on elements' dependency on core).
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, assertOk, childEnv, run } from './pack-fixture.ts';

describe('npm run pack', () => {
  it('writes installable tarballs and prints an install line that works in a fresh project', async () => {
    const out = mkdtempSync(join(tmpdir(), 'peeker-tarballs-'));
    const packed = assertOk('npm run pack', await run('npm', ['run', 'pack', '--', '--out', out], { cwd: ROOT, timeoutMs: 240_000 }));
    const tarballs = readdirSync(out).filter((file) => file.endsWith('.tgz'));
    expect(tarballs).toEqual(expect.arrayContaining([expect.stringMatching(/^peeker-core-/), expect.stringMatching(/^peeker-elements-/)]));

    const line = packed.stdout.split('\n').map((l) => l.trim()).find((l) => l.startsWith('npm install ') && !l.includes('--save-dev'));
    expect(line, packed.stdout).toBeDefined();
    const args = line!.split(/\s+/).slice(2);
    expect(args.every((arg) => arg.startsWith(out)), line).toBe(true);

    const consumer = mkdtempSync(join(tmpdir(), 'peeker-consumer-'));
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    // Offline for @peeker/*: a registry lookup of either name would fail the install.
    assertOk('npm install', await run('npm', ['install', '--no-audit', '--no-fund', ...args], { cwd: consumer, env: childEnv(), timeoutMs: 240_000 }));
    writeFileSync(
      join(consumer, 'check.mjs'),
      "import { solveSelection } from '@peeker/core';\n" +
        "import { readFileSync } from 'node:fs';\n" +
        "const el = JSON.parse(readFileSync(new URL('./node_modules/@peeker/elements/package.json', import.meta.url)));\n" +
        "console.log(typeof solveSelection, el.name, Object.keys(el.dependencies ?? {}).join(','));\n",
    );
    const checked = assertOk('node check.mjs', await run('node', ['check.mjs'], { cwd: consumer }));
    const [kind, name, deps] = checked.stdout.trim().split(' ');
    expect(kind).toBe('function');
    expect(name).toBe('@peeker/elements');
    expect(deps?.split(',')).toContain('@peeker/core');
  });
});
