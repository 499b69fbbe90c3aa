/**
 * Pure checks on a packed package: its published package.json and its file list. Each
 * returns the problems it found (empty = fine), so a test can print all of them at once.
 */
import { exportTargets } from '../../scripts/published-manifest.mjs';

/** A packed package: the package.json inside the tarball and every file path in it. */
export interface PackedPackage {
  /** The tarball's package.json, parsed. */
  manifest: Record<string, unknown>;
  /** Its raw text (for the `workspace:` scan). */
  manifestText: string;
  /** Paths relative to the package root (`dist/index.js`, `package.json`…). */
  files: ReadonlySet<string>;
}

const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
  'bundleDependencies',
] as const;

/**
 * `workspace:` ranges that survived packing (pnpm must rewrite them to real versions).
 * @param pkg - the packed package
 * @returns one message per leaked range (plus one if the raw text mentions `workspace:`)
 */
export function leakedWorkspaceRanges(pkg: PackedPackage): string[] {
  const problems: string[] = [];
  for (const field of DEPENDENCY_FIELDS) {
    const deps = pkg.manifest[field];
    if (deps === null || typeof deps !== 'object') continue;
    for (const [name, range] of Object.entries(deps as Record<string, unknown>)) {
      if (typeof range === 'string' && range.startsWith('workspace:')) problems.push(`${field}.${name} is "${range}"`);
    }
  }
  if (problems.length === 0 && pkg.manifestText.includes('workspace:')) {
    problems.push('package.json still contains "workspace:"');
  }
  return problems;
}

/**
 * Entry points (`exports` targets, `main`, `types`, `bin`, `customElements`) that point at
 * files missing from the tarball.
 * @param pkg - the packed package
 * @returns the missing paths
 */
export function missingEntryPoints(pkg: PackedPackage): string[] {
  return exportTargets(pkg.manifest).filter((target) => !pkg.files.has(target));
}

/**
 * Shape rules for `exports` (conventions §24): every subpath has conditions with `types`
 * first (then `default`), targets are `./dist/…` (or `./package.json`), `./package.json` is
 * exported, and nothing points into `src/` or at a `.ts` source.
 * @param manifest - the tarball's package.json
 * @param subpaths - the subpaths that must be exported (besides `./package.json`)
 * @returns problems found
 */
export function exportsProblems(manifest: Record<string, unknown>, subpaths: readonly string[]): string[] {
  const problems: string[] = [];
  const exportsField = manifest['exports'];
  if (exportsField === null || typeof exportsField !== 'object' || Array.isArray(exportsField)) {
    return ['"exports" is missing or not an object'];
  }
  const map = exportsField as Record<string, unknown>;
  if (map['./package.json'] !== './package.json') problems.push('"./package.json" is not exported');
  for (const subpath of subpaths) {
    if (!(subpath in map)) problems.push(`subpath "${subpath}" is not exported`);
  }
  for (const [subpath, target] of Object.entries(map)) {
    if (subpath === './package.json') continue;
    if (target === null || typeof target !== 'object' || Array.isArray(target)) {
      problems.push(`"${subpath}" should map conditions ({ types, default }), got ${JSON.stringify(target)}`);
      continue;
    }
    const conditions = Object.keys(target);
    if (conditions[0] !== 'types') problems.push(`"${subpath}": "types" must be the first condition, got ${conditions.join(', ')}`);
    if (!conditions.includes('default') && !conditions.includes('import')) {
      problems.push(`"${subpath}" has no "default" (or "import") condition`);
    }
    for (const [condition, file] of Object.entries(target as Record<string, unknown>)) {
      if (typeof file !== 'string' || !file.startsWith('./dist/')) {
        problems.push(`"${subpath}".${condition} should point into ./dist/, got ${JSON.stringify(file)}`);
      } else if (condition === 'types' ? !file.endsWith('.d.ts') : !file.endsWith('.js')) {
        problems.push(`"${subpath}".${condition} has the wrong extension: ${file}`);
      }
    }
  }
  return problems;
}

/**
 * Files that should never ship: TypeScript sources, tests, configs, `node_modules`.
 * @param files - the tarball's file list
 * @returns offending paths
 */
export function unexpectedFiles(files: Iterable<string>): string[] {
  const bad: string[] = [];
  for (const file of files) {
    const isSource = file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.endsWith('.d.mts');
    if (
      isSource ||
      file.startsWith('src/') ||
      file.startsWith('test/') ||
      file.includes('node_modules/') ||
      /(^|\/)tsconfig[^/]*\.json$/.test(file) ||
      file.endsWith('.tgz')
    ) {
      bad.push(file);
    }
  }
  return bad.sort();
}

/**
 * Relative `.ts` specifiers left in built JavaScript or declarations (they would not resolve
 * from `dist/`).
 * @param path - file path, for the message
 * @param text - file content
 * @returns one message per specifier
 */
export function tsSpecifiers(path: string, text: string): string[] {
  const found: string[] = [];
  const pattern = /(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+\.m?ts)['"]/g;
  for (const match of text.matchAll(pattern)) found.push(`${path}: "${match[1]}"`);
  return found;
}
