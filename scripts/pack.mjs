// `npm run pack`: builds every publishable workspace package and writes its npm tarball into
// one folder (default ./tarballs), then prints the exact `npm install` lines a partner runs in
// their own project until the packages are on the registry. pnpm rewrites `workspace:*`
// dependencies to real versions; installing the tarballs together lets npm satisfy
// @peeker/elements' dependency on @peeker/core from the local tarball instead of the registry.
// Run: npm run pack [-- --out DIR]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outFlag = process.argv.indexOf('--out');
const out = resolve(outFlag > 0 && process.argv[outFlag + 1] ? process.argv[outFlag + 1] : join(root, 'tarballs'));

/** Publishable packages, dependencies first (core before what imports its built types). */
const packages = readdirSync(join(root, 'packages'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({ dir: join(root, 'packages', entry.name), manifest: readJson(join(root, 'packages', entry.name, 'package.json')) }))
  .filter(({ manifest }) => manifest && manifest.private !== true)
  .sort((a, b) => dependsOn(a, b) - dependsOn(b, a) || (a.manifest.name < b.manifest.name ? -1 : 1));

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** 1 when `a` depends on `b` (so `b` is packed first). */
function dependsOn(a, b) {
  const deps = { ...a.manifest.dependencies, ...a.manifest.peerDependencies };
  return b.manifest.name in deps ? 1 : 0;
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const { dir, manifest } of packages) {
  process.stderr.write(`packing ${manifest.name}@${manifest.version}\n`);
  const result = spawnSync('npx', ['-y', 'pnpm@12.4.2', 'pack', '--pack-destination', out], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) {
    process.stderr.write(`npm run pack: packing ${manifest.name} failed (exit ${result.status}).\n`);
    process.exit(1);
  }
}

const tarballs = readdirSync(out).filter((file) => file.endsWith('.tgz')).sort();
const shown = out;
const pick = (prefix) => tarballs.filter((file) => file.startsWith(prefix)).map((file) => join(shown, file));
process.stdout.write(
  [
    `Wrote ${tarballs.length} tarballs to ${shown}/:`,
    ...tarballs.map((file) => `  ${file}`),
    '',
    'In your project:',
    `  npm install ${[...pick('peeker-core-'), ...pick('peeker-elements-')].join(' ')}`,
    'Optional: the local sandbox and the CLI:',
    `  npm install --save-dev ${[...pick('peeker-sandbox-'), ...pick('peeker-cli-')].join(' ')}`,
    '',
  ].join('\n'),
);
