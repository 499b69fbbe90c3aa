/**
 * Generates a package's `custom-elements.json` from the JSDoc of its Lit components with
 * `@custom-elements-manifest/analyzer` (which brings its own TypeScript 5.x API: the
 * workspace's TypeScript 7 has none).
 *
 * The analyzer reads `src/**\/*.ts` (richer types than the emitted JavaScript), then every
 * module path is rewritten from `src/….ts` to the published `dist/….js`, so IDEs and
 * framework tooling that follow the manifest land on files that exist in the tarball.
 * Internal helpers (`src/internal/`) and test harnesses are left out of the manifest.
 */
import { readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const SOURCE_PATH = /^(?:\.\/)?src\/(.+)\.ts$/;

/**
 * Analyze `<packageDir>/src` and write the manifest to `<packageDir>/<outFile>`.
 * @param {string} packageDir - absolute package directory
 * @param {string} outFile - manifest path relative to the package (its `customElements` field)
 * @returns {Promise<object>} the manifest written
 */
export async function writeCustomElementsManifest(packageDir, outFile) {
  // Resolved from the package (its own devDependencies first, then the workspace root's).
  const require = createRequire(join(packageDir, 'package.json'));
  let entry;
  try {
    entry = require.resolve('@custom-elements-manifest/analyzer');
  } catch (error) {
    throw new Error(
      'custom-elements.json needs @custom-elements-manifest/analyzer (a devDependency of the ' +
        'workspace): run `npx -y pnpm@12.4.2 install` first',
      { cause: error },
    );
  }
  const { create, ts } = await import(pathToFileURL(entry).href);
  const { litPlugin } = await import(
    pathToFileURL(join(dirname(entry), 'src', 'features', 'framework-plugins', 'lit', 'lit.js')).href
  );

  const srcDir = join(packageDir, 'src');
  const files = [...walk(srcDir)]
    .map((file) => relative(packageDir, file).split(sep).join('/'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.endsWith('.test.ts'))
    .filter((file) => !file.startsWith('src/internal/') && !file.startsWith('src/testing/'))
    .sort();
  const modules = files.map((file) =>
    ts.createSourceFile(file, readFileSync(join(packageDir, file), 'utf8'), ts.ScriptTarget.ES2022, true),
  );

  const manifest = create({
    modules,
    plugins: [...litPlugin(), publishedPathsPlugin()],
    context: { dev: false },
  });
  // Write then rename: readers never see a half-written manifest.
  const target = join(packageDir, outFile);
  writeFileSync(`${target}.${process.pid}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(`${target}.${process.pid}.tmp`, target);
  const elements = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement === true);
  if (elements.length === 0) {
    throw new Error(`${outFile}: the analyzer found no custom element in ${srcDir}`);
  }
  return manifest;
}

/**
 * Analyzer plugin, run once the whole manifest is linked:
 * - `src/x/y.ts` → `dist/x/y.js` in every `path` and `module` field;
 * - events: the analyzer also infers events from `dispatchEvent(new SomeEvent(detail))`
 *   and then takes the constructor's first argument as the name (`"detail"`) or none at
 *   all. Such an entry is folded into the documented `@event` of the same type (the
 *   class's `static eventName`), giving it its `type`; unnamed leftovers are dropped;
 * - superclasses the analyzer could not resolve (a global such as `Event` is attributed
 *   to the module that extends it) are marked `package: "global:"`.
 */
function publishedPathsPlugin() {
  return {
    name: 'peeker-published-paths',
    packageLinkPhase({ customElementsManifest }) {
      fixEvents(customElementsManifest);
      fixGlobalSuperclasses(customElementsManifest);
      rewrite(customElementsManifest);
    },
  };
}

function fixEvents(manifest) {
  const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
  /** class name → its `static eventName` string literal */
  const eventNames = new Map();
  for (const d of declarations) {
    const field = (d.members ?? []).find((m) => m.static && m.name === 'eventName' && typeof m.default === 'string');
    const literal = field && /^(['"`])([^'"`]+)\1$/.exec(field.default.trim());
    if (literal) eventNames.set(d.name, literal[2]);
  }
  for (const d of declarations) {
    if (!Array.isArray(d.events)) continue;
    const documented = d.events.filter((e) => typeof e.description === 'string' && typeof e.name === 'string');
    const out = [];
    for (const event of d.events) {
      if (documented.includes(event)) {
        out.push(event);
        continue;
      }
      const name = eventNames.get(event.type?.text) ?? (documented.some((e) => e.name === event.name) ? event.name : undefined);
      const target = name === undefined ? undefined : documented.find((e) => e.name === name);
      if (target) {
        if (event.type && !target.type) target.type = event.type;
      } else if (name !== undefined) {
        out.push({ ...event, name });
      } else if (typeof event.name === 'string' && event.name !== 'detail') {
        out.push(event);
      }
    }
    d.events = out;
  }
}

function fixGlobalSuperclasses(manifest) {
  for (const mod of manifest.modules) {
    for (const d of mod.declarations ?? []) {
      const sup = d.superclass;
      if (!sup || sup.package !== undefined || sup.module !== mod.path) continue;
      if (!(mod.declarations ?? []).some((other) => other.name === sup.name)) {
        d.superclass = { name: sup.name, package: 'global:' };
      }
    }
  }
}

function rewrite(node) {
  if (Array.isArray(node)) {
    node.forEach(rewrite);
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'path' || key === 'module') && typeof value === 'string') {
      const match = SOURCE_PATH.exec(value);
      if (match) node[key] = `dist/${match[1]}.js`;
    } else {
      rewrite(value);
    }
  }
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else yield full;
  }
}
