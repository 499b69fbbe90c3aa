/**
 * What `pnpm pack` publishes for a package.json, and which files that manifest points at.
 * Shared by the build (./build-package.mjs) and the packed-package tests (test/pack).
 */

/**
 * Fields pnpm copies from `publishConfig` over the top level when packing (pnpm's
 * documented list; other publishConfig keys such as `access` stay where they are).
 */
export const PUBLISH_CONFIG_FIELDS = [
  'bin', 'main', 'exports', 'types', 'typings', 'module', 'browser', 'esnext', 'es2015',
  'unpkg', 'umd:main', 'typesVersions', 'cpu', 'os',
];

/**
 * The manifest as pnpm would publish it: `publishConfig` fields applied over the top level.
 * (Workspace protocol rewriting is not modelled: the tests read the real tarball for that.)
 * @param {Record<string, any>} pkg - a package.json object (not mutated)
 * @returns {Record<string, any>} a new object
 */
export function publishedManifest(pkg) {
  const out = { ...pkg };
  for (const field of PUBLISH_CONFIG_FIELDS) {
    if (pkg.publishConfig && field in pkg.publishConfig) out[field] = pkg.publishConfig[field];
  }
  return out;
}

/**
 * Every relative file path a manifest points at: all `exports` targets (any condition, any
 * depth; `null` and pattern targets skipped), `main`, `module`, `types`, `typings`, every
 * `bin`, and `customElements`. Paths are returned without a leading `./`.
 * @param {Record<string, any>} manifest - a package.json object
 * @returns {string[]} sorted, distinct paths
 */
export function exportTargets(manifest) {
  const found = new Set();
  const add = (value) => {
    if (typeof value !== 'string' || value.includes('*')) return;
    found.add(value.replace(/^\.\//, ''));
  };
  const visit = (node) => {
    if (typeof node === 'string') add(node);
    else if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') Object.values(node).forEach(visit);
  };
  visit(manifest.exports);
  for (const field of ['main', 'module', 'types', 'typings', 'customElements']) add(manifest[field]);
  if (typeof manifest.bin === 'string') add(manifest.bin);
  else if (manifest.bin && typeof manifest.bin === 'object') Object.values(manifest.bin).forEach(add);
  return [...found].sort();
}
