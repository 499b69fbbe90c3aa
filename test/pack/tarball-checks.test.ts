/**
 * The checks the packed-package test relies on must catch what they are meant to catch: a
 * leaked `workspace:` range, an entry point missing from `files`, a wrong export path, a
 * source file shipped by accident. Also the build's own view of the published manifest.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { exportTargets, publishedManifest } from '../../scripts/published-manifest.mjs';
import {
  exportsProblems,
  leakedWorkspaceRanges,
  missingEntryPoints,
  tsSpecifiers,
  unexpectedFiles,
  type PackedPackage,
} from './tarball-checks.ts';

const goodManifest = {
  name: '@peeker/core',
  version: '1.2.3',
  type: 'module',
  exports: {
    '.': { types: './dist/index.d.ts', default: './dist/index.js' },
    './server': { types: './dist/server/index.d.ts', default: './dist/server/index.js' },
    './package.json': './package.json',
  },
  main: './dist/index.js',
  types: './dist/index.d.ts',
  bin: { 'peeker-domains': './bin/peeker-domains.mjs' },
  dependencies: { tldts: '7.5.5' },
};
const goodFiles = [
  'package.json',
  'bin/peeker-domains.mjs',
  'dist/index.js',
  'dist/index.d.ts',
  'dist/server/index.js',
  'dist/server/index.d.ts',
];

function packed(manifest: Record<string, unknown>, files: readonly string[] = goodFiles): PackedPackage {
  const manifestText = JSON.stringify(manifest, null, 2);
  return { manifest, manifestText, files: new Set(files) };
}

describe('leakedWorkspaceRanges', () => {
  it('accepts real versions', () => {
    expect(leakedWorkspaceRanges(packed(goodManifest))).toEqual([]);
  });

  it.each(['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'])('flags workspace: in %s', (field) => {
    const manifest = { ...goodManifest, [field]: { '@peeker/sandbox': 'workspace:^' } };
    expect(leakedWorkspaceRanges(packed(manifest))).toEqual([`${field}.@peeker/sandbox is "workspace:^"`]);
  });

  it('flags workspace: anywhere in the text', () => {
    expect(leakedWorkspaceRanges(packed({ ...goodManifest, pnpm: { overrides: { a: 'workspace:*' } } }))).toHaveLength(1);
  });
});

describe('missingEntryPoints', () => {
  it('accepts a complete tarball', () => {
    expect(missingEntryPoints(packed(goodManifest))).toEqual([]);
  });

  test.prop([fc.constantFrom(...goodFiles.filter((f) => f !== 'package.json'))])('flags any entry point left out of "files"', (left) => {
    expect(missingEntryPoints(packed(goodManifest, goodFiles.filter((f) => f !== left)))).toEqual([left]);
  });

  it('flags a wrong export path', () => {
    const manifest = { ...goodManifest, exports: { ...goodManifest.exports, './server': { types: './dist/server.d.ts', default: './dist/server.js' } } };
    expect(missingEntryPoints(packed(manifest))).toEqual(['dist/server.d.ts', 'dist/server.js']);
  });
});

describe('exportsProblems', () => {
  it('accepts types-first conditions into dist/ and an exported package.json', () => {
    expect(exportsProblems(goodManifest, ['.', './server'])).toEqual([]);
  });

  it.each([
    [{ '.': { default: './dist/index.js', types: './dist/index.d.ts' }, './package.json': './package.json' }, '"types" must be the first condition'],
    [{ '.': './dist/index.js', './package.json': './package.json' }, 'should map conditions'],
    [{ '.': { types: './dist/index.d.ts', default: './src/index.ts' }, './package.json': './package.json' }, 'should point into ./dist/'],
    [{ '.': { types: './dist/index.js', default: './dist/index.js' }, './package.json': './package.json' }, 'wrong extension'],
    [{ '.': { types: './dist/index.d.ts', default: './dist/index.js' } }, '"./package.json" is not exported'],
    [{ './package.json': './package.json' }, 'subpath "." is not exported'],
  ])('flags %j', (exportsField, message) => {
    const problems = exportsProblems({ ...goodManifest, exports: exportsField }, ['.']);
    expect(problems.join('\n')).toContain(message);
  });
});

describe('unexpectedFiles and tsSpecifiers', () => {
  it('lets dist/, bin/ and declarations through and flags sources, tests and configs', () => {
    expect(unexpectedFiles(goodFiles)).toEqual([]);
    expect(unexpectedFiles(['src/index.ts', 'dist/a.ts', 'test/x.test.js', 'tsconfig.build.json', 'dist/a.d.ts'])).toEqual([
      'dist/a.ts',
      'src/index.ts',
      'test/x.test.js',
      'tsconfig.build.json',
    ]);
  });

  it('finds relative .ts specifiers in built code and declarations, and nothing else', () => {
    const text = [
      "import { a } from './a.ts';",
      "export * from '../b/c.ts';",
      "const d = await import('./d.ts');",
      "import './side-effect.ts';",
      "import { e } from './e.js';",
      "import { f } from 'pkg/f.ts';",
    ].join('\n');
    expect(tsSpecifiers('x.js', text)).toEqual(['x.js: "./a.ts"', 'x.js: "../b/c.ts"', 'x.js: "./d.ts"', 'x.js: "./side-effect.ts"']);
  });
});

describe('publishedManifest (what pnpm pack publishes)', () => {
  it('swaps in publishConfig fields and keeps the rest', () => {
    const source = {
      name: 'x',
      exports: { '.': './src/index.ts' },
      bin: { x: './bin/x.mjs' },
      publishConfig: { access: 'public', exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } }, types: './dist/index.d.ts' },
    };
    const out = publishedManifest(source);
    expect(out['exports']).toEqual(source.publishConfig.exports);
    expect(out['types']).toBe('./dist/index.d.ts');
    expect(out['bin']).toEqual({ x: './bin/x.mjs' });
    expect(source.exports).toEqual({ '.': './src/index.ts' }); // not mutated
    expect(exportTargets(out)).toEqual(['bin/x.mjs', 'dist/index.d.ts', 'dist/index.js']);
  });
});
