/**
 * Part 5b: production bundle sizes, built with Vite's build API (lib mode, ES module, fully
 * minified, every dependency bundled, production export conditions) and gzipped with
 * node:zlib (level 9). The picker's define module is what a partner's page loads: its eager
 * part (the entry and everything it imports statically) is the first load; the chunks behind
 * `import()` (solver, review, paste box, downloads) load on first use and are reported apart.
 * Lit alone is the floor; `normalizeDomain` alone shows what the public-suffix list would add
 * if the element used it eagerly.
 *
 * Production conditions are explicit because vitest sets NODE_ENV=test, under which Vite
 * resolves Lit's `development` build (dev-mode checks and warnings, ~3 kB gz more) — not what
 * a partner's production build ships. The eager row also gives that figure, for comparison
 * with figures measured before this was fixed.
 */
import { expect, it } from 'vitest';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';
import type { ReportRow } from './lib/stats.ts';
import { writePart } from './lib/write-part.ts';

const SECTION = '5. Element';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const KB = 1000;
const ELEMENTS_SRC = fileURLToPath(new URL('../../packages/elements/src/index.ts', import.meta.url));
const CORE_SRC = fileURLToPath(new URL('../../packages/core/src/index.ts', import.meta.url));

/**
 * Entries that exist only here (no files, so nothing for tsc to resolve): each is answered by
 * the plugin below, and its imports resolve as if written in `from` (pnpm keeps lit and tldts
 * out of the root's node_modules).
 */
const VIRTUAL: Record<string, { from: string; code: string }> = {
  'lit-floor': {
    from: ELEMENTS_SRC,
    code: `
import { LitElement, html, css } from 'lit';
class LitFloor extends LitElement {
  static styles = css\`:host { display: block; }\`;
  render() { return html\`<p>\${this.localName}</p>\`; }
}
customElements.define('lit-floor', LitFloor);
`,
  },
  'core-element-share': {
    from: ELEMENTS_SRC,
    code: `export { createAvailabilityChecker, createFetchTransport, generateCandidates, solveSelection, isOrderable, normalizeHostname, parseDomainList, PeekerError, OrderValidationError, DEFAULT_TLDS } from '@peeker/core';`,
  },
  'generate-candidates': { from: ELEMENTS_SRC, code: `export { generateCandidates } from '@peeker/core';` },
  'solve-selection': { from: ELEMENTS_SRC, code: `export { solveSelection } from '@peeker/core';` },
  'availability-checker': {
    from: ELEMENTS_SRC,
    code: `export { createAvailabilityChecker, createFetchTransport } from '@peeker/core';`,
  },
  'normalize-domain': { from: ELEMENTS_SRC, code: `export { normalizeDomain } from '@peeker/core';` },
  tldts: { from: CORE_SRC, code: `export { parse } from 'tldts';` },
};
/** Virtual entries get a path that does not exist on disk. */
const virtualPath = (name: string): string => fileURLToPath(new URL(`./__virtual__/${name}.js`, import.meta.url));
const VIRTUAL_BY_PATH = new Map(Object.entries(VIRTUAL).map(([name, v]) => [virtualPath(name), v]));

function virtualEntries(): Plugin {
  return {
    name: 'bench-virtual-entries',
    async resolveId(source, importer) {
      if (VIRTUAL_BY_PATH.has(source)) return source;
      const from = importer === undefined ? undefined : VIRTUAL_BY_PATH.get(importer)?.from;
      return from === undefined ? null : this.resolve(source, from, { skipSelf: true });
    },
    load(id) {
      return VIRTUAL_BY_PATH.get(id)?.code ?? null;
    },
  };
}

interface ChunkLike {
  type: 'chunk' | 'asset';
  fileName: string;
  code?: string;
  source?: string | Uint8Array;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

interface BundleSize {
  eagerMin: number;
  eagerGz: number;
  lazyGz: number;
  chunks: { fileName: string; eager: boolean; min: number; gz: number }[];
}

/** How a bundle is built: production or Lit's development build; eager code in one chunk or as the bundler splits it. */
interface BuildMode {
  /** Resolve the `development` export condition (what the bench measured before production was explicit). */
  development?: boolean;
  /**
   * Keep every module the entry imports statically in one eager chunk, as rollup and webpack
   * do (rolldown otherwise splits modules shared with lazy chunks into small chunks of their
   * own, each gzipped separately).
   */
  oneEagerChunk?: boolean;
}

async function bundleSize(entry: string, mode: BuildMode = { oneEagerChunk: true }): Promise<BundleSize> {
  const out = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    publicDir: false,
    mode: mode.development ? 'development' : 'production',
    resolve: { conditions: ['module', 'browser', mode.development ? 'development' : 'production'] },
    plugins: [virtualEntries()],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      copyPublicDir: false,
      reportCompressedSize: false,
      // lib mode keeps whitespace and /*#__PURE__*/ comments in ES output (for later
      // tree-shaking); a page ships fully minified code, so minify the output completely
      rolldownOptions: {
        output: {
          minify: true,
          comments: false,
          ...(mode.oneEagerChunk ? { codeSplitting: { groups: [{ name: 'eager', tags: ['$initial' as const] }] } } : {}),
        },
      },
      lib: {
        entry: entry in VIRTUAL ? virtualPath(entry) : fileURLToPath(new URL(entry, import.meta.url)),
        formats: ['es'],
        fileName: 'bundle',
      },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as { output: ChunkLike[] }[];
  const files = outputs.flatMap((o) => o.output).filter((c) => c.type === 'chunk');
  const byName = new Map(files.map((c) => [c.fileName, c]));
  // eager = the entry and everything it imports statically; the rest loads on demand
  const eager = new Set<string>();
  const visit = (name: string): void => {
    if (eager.has(name)) return;
    eager.add(name);
    for (const dep of byName.get(name)?.imports ?? []) visit(dep);
  };
  for (const c of files) if (c.isEntry === true) visit(c.fileName);
  const chunks = files.map((c) => {
    const code = c.code ?? '';
    return { fileName: c.fileName, eager: eager.has(c.fileName), min: Buffer.byteLength(code), gz: gzipSync(code, { level: 9 }).length };
  });
  const sum = (list: typeof chunks, key: 'min' | 'gz'): number => list.reduce((a, c) => a + c[key], 0);
  return {
    eagerMin: sum(chunks.filter((c) => c.eager), 'min'),
    eagerGz: sum(chunks.filter((c) => c.eager), 'gz'),
    lazyGz: sum(chunks.filter((c) => !c.eager), 'gz'),
    chunks,
  };
}

const kb = (bytes: number): number => bytes / KB;
const fixed = (n: number, samples = 1): Pick<ReportRow, 'median' | 'min' | 'max' | 'runs'> => ({ median: n, min: n, max: n, runs: samples });

it('bundle sizes', async () => {
  const startedAt = new Date();
  const loadAtStart = loadavg()[0] ?? 0;
  const PICKER = '../../packages/elements/src/define/peeker-domain-picker.ts';
  const picker = await bundleSize(PICKER);
  const pickerSplit = await bundleSize(PICKER, {});
  const pickerDev = await bundleSize(PICKER, { development: true, oneEagerChunk: true });
  const lit = await bundleSize('lit-floor');
  const core = await bundleSize('core-element-share');
  const parts = {
    generateCandidates: await bundleSize('generate-candidates'),
    solveSelection: await bundleSize('solve-selection'),
    availabilityChecker: await bundleSize('availability-checker'),
  };
  const psl = await bundleSize('normalize-domain');
  const tldts = await bundleSize('tldts');
  const pickerKb = kb(picker.eagerGz);
  const rows: ReportRow[] = [
    {
      section: SECTION,
      metric: '<peeker-domain-picker> first load (element + core + lit, eager code), min+gzip',
      unit: 'kB',
      ...fixed(pickerKb),
      reference: `lit alone ${kb(lit.eagerGz).toFixed(1)} kB`,
      ratio: picker.eagerGz / lit.eagerGz,
      ratioLabel: 'picker/lit',
      target: '≤ 35 kB',
      met: pickerKb <= 35,
      note:
        `minified ${kb(picker.eagerMin).toFixed(1)} kB, in one eager chunk; ` +
        `as rolldown splits it by default ${kb(pickerSplit.eagerGz).toFixed(1)} kB gz in ${pickerSplit.chunks.filter((c) => c.eager).length} chunks; ` +
        `with Lit's development build (how this row was measured before production conditions were explicit) ${kb(pickerDev.eagerGz).toFixed(1)} kB gz`,
    },
    {
      section: SECTION,
      metric: '<peeker-domain-picker> lazy chunks (solver, review, paste box, downloads: loaded on first use), min+gzip',
      unit: 'kB',
      ...fixed(kb(picker.lazyGz)),
      reference: `first load ${pickerKb.toFixed(1)} kB`,
      ratio: picker.lazyGz / picker.eagerGz,
      ratioLabel: 'lazy/eager',
      note: picker.chunks
        .filter((c) => !c.eager)
        .map((c) => `${c.fileName.replace(/-[\w-]{8}\.js$/, '')} ${kb(c.gz).toFixed(1)}`)
        .join(', ') + ' (kB gz each; the solver loads while the first names are checked)',
    },
    {
      section: SECTION,
      metric: 'lit alone (LitElement + html + css, minimal element), min+gzip — the floor',
      unit: 'kB',
      ...fixed(kb(lit.eagerGz)),
      note: `minified ${kb(lit.eagerMin).toFixed(1)} kB`,
    },
    {
      section: SECTION,
      metric: 'core as the element imports it (candidates, checker, solver, list parsing, errors), min+gzip',
      unit: 'kB',
      ...fixed(kb(core.eagerGz)),
      note: `of it, alone: generateCandidates ${kb(parts.generateCandidates.eagerGz).toFixed(1)} kB, solveSelection ${kb(parts.solveSelection.eagerGz).toFixed(1)} kB, checker + fetch transport ${kb(parts.availabilityChecker.eagerGz).toFixed(1)} kB`,
    },
    {
      section: SECTION,
      metric: '@peeker/core normalizeDomain alone (public-suffix list), min+gzip — kept out of the element',
      unit: 'kB',
      ...fixed(kb(psl.eagerGz + psl.lazyGz)),
      reference: 'element budget 35 kB',
      ratio: (psl.eagerGz + psl.lazyGz) / (35 * KB),
      ratioLabel: 'share of budget',
      note: `minified ${kb(psl.eagerMin).toFixed(1)} kB; tldts' parse alone ${kb(tldts.eagerGz).toFixed(1)} kB gz (bundlers take tldts' ES module, whose suffix trie is a number-array literal; tldts' own prebuilt .min.js packs it and is ~47 kB gz)`,
    },
  ];
  writePart('bundle', startedAt, rows, {
    loadavg1mAtStart: Number(loadAtStart.toFixed(2)),
    method:
      "vite.build lib mode (formats ['es'], target es2022, mode production, resolve.conditions module/browser/production, nothing external, output fully minified: rolldownOptions.output { minify: true, comments: false }, statically imported modules in one chunk: codeSplitting group tags ['$initial']), gzip level 9 per chunk; eager = the entry and its static imports, lazy = the rest; kB = 1000 bytes",
    picker,
    pickerDefaultChunking: pickerSplit,
    pickerLitDevelopment: pickerDev,
    lit,
    normalizeDomain: psl,
    tldts,
    coreElementShare: core,
    coreParts: parts,
  });
  expect(picker.eagerGz).toBeGreaterThan(lit.eagerGz);
  expect(picker.lazyGz).toBeGreaterThan(0);
});
