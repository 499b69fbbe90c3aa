#!/usr/bin/env node
/**
 * Builds the workspace package in the current directory into `dist/`:
 *
 * 1. `tsc -p tsconfig.build.json` (TypeScript 7 from the workspace root): ESM JavaScript with
 *    source maps (sources inlined, so no `src/` has to ship), `.d.ts` files, and relative
 *    `.ts` import specifiers rewritten to `.js` (`rewriteRelativeImportExtensions`).
 * 2. The `.d.ts` files keep `.ts` specifiers after step 1; they are rewritten to `.js` too so
 *    the published types read like any other package's (and suit every consumer setting).
 * 3. Packages with a `customElements` field get that manifest, generated from the JSDoc by
 *    `@custom-elements-manifest/analyzer` (see ./custom-elements-manifest.mjs).
 * 4. Sanity check: every file the published manifest (`publishConfig` merged over the
 *    package.json, as `pnpm pack` does) points at must exist, so a wrong path fails the build
 *    and not a partner's install.
 *
 * The output is written to a staging directory and swapped in with a rename at the end, so
 * a process reading `dist/` while a build runs (a test spawning a bin, say) sees the old or
 * the new files, never half-written ones.
 *
 * Used as `"build": "node ../../scripts/build-package.mjs"` in each package. No dependencies
 * beyond the workspace root's devDependencies.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { publishedManifest, exportTargets } from './published-manifest.mjs';

const packageDir = process.cwd();
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const started = performance.now();

// 1. Compile into a staging directory next to dist/ (same depth, so source map paths match).
const staging = join(packageDir, `.dist-build-${process.pid}`);
rmSync(staging, { recursive: true, force: true });
const tscBin = join(require.resolve('typescript/package.json'), '..', 'bin', 'tsc');
try {
  execFileSync(process.execPath, [tscBin, '-p', 'tsconfig.build.json', '--outDir', staging], {
    cwd: packageDir,
    stdio: 'inherit',
  });
} catch {
  rmSync(staging, { recursive: true, force: true });
  console.error(`${pkg.name}: tsc failed (see the errors above)`);
  process.exit(1);
}

// 2. `.d.ts`: './x.ts' -> './x.js' in relative import/export specifiers.
const relativeTsSpecifier = /((?:from\s+|import\s*\(\s*|import\s+)['"])(\.{1,2}\/[^'"]+?)\.(m?)ts(['"])/g;
let declarationFiles = 0;
for (const file of walk(staging)) {
  if (!file.endsWith('.d.ts')) continue;
  const text = readFileSync(file, 'utf8');
  const rewritten = text.replace(relativeTsSpecifier, (_m, head, path, m, quote) => `${head}${path}.${m}js${quote}`);
  if (rewritten !== text) writeFileSync(file, rewritten);
  declarationFiles += 1;
}
if (declarationFiles === 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`${pkg.name}: tsc emitted no .d.ts files (is "declaration" on in tsconfig.build.json?)`);
  process.exit(1);
}

// Swap the new build in.
const dist = join(packageDir, 'dist');
const old = join(packageDir, `.dist-old-${process.pid}`);
if (existsSync(dist)) renameSync(dist, old);
renameSync(staging, dist);
rmSync(old, { recursive: true, force: true });

// 3. Custom elements manifest.
if (typeof pkg.customElements === 'string') {
  const { writeCustomElementsManifest } = await import('./custom-elements-manifest.mjs');
  await writeCustomElementsManifest(packageDir, pkg.customElements);
}

// 4. Every published entry point exists.
const published = publishedManifest(pkg);
const missing = [];
for (const target of exportTargets(published)) {
  if (!existsSync(join(packageDir, target))) missing.push(target);
}
if (missing.length > 0) {
  console.error(`${pkg.name}: the published package.json points at missing files:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}

const ms = Math.round(performance.now() - started);
console.log(`${pkg.name}: built dist/ (${declarationFiles} declaration files) in ${ms} ms`);

/** Every file under `dir`, recursively. */
function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else yield full;
  }
}
