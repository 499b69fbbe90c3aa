/**
 * The folder rules of docs/architecture.md, checked on the sources: a concept folder of
 * `@peeker/core` imports only from folders before it in the data flow (and from `errors/` and
 * `internal/`); `internal/` never imports back up into a concept folder.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../packages/core/src/', import.meta.url));
/** The flow, in order (docs/architecture.md). */
const FLOW = ['sizing', 'domains', 'candidates', 'availability', 'solver', 'pick', 'order', 'webhooks', 'testing', 'server'];
const SHARED = new Set(['errors', 'internal']);

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (entry.name.endsWith('.ts')) yield full;
  }
}

/** Every relative import of the core sources as [importing folder, imported folder, file → target]. */
function imports(): Array<[string, string, string]> {
  const found: Array<[string, string, string]> = [];
  for (const file of sources(SRC)) {
    const from = relative(SRC, file).split(/[\\/]/)[0]!;
    for (const match of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
      const target = relative(SRC, normalize(join(dirname(file), match[1]!)));
      found.push([from, target.split(/[\\/]/)[0]!, `${relative(SRC, file)} → ${target}`]);
    }
  }
  return found;
}

describe('@peeker/core folder layout', () => {
  const all = imports();

  it('reads the sources', () => {
    expect(all.length).toBeGreaterThan(100);
  });

  it('a concept folder imports only from earlier folders in the flow, errors/ and internal/', () => {
    const upward = all.filter(([from, to]) => FLOW.includes(from) && FLOW.includes(to) && FLOW.indexOf(to) > FLOW.indexOf(from));
    expect(upward.map(([, , where]) => where)).toEqual([]);
  });

  it('internal/ imports only from itself and errors/; errors/ from itself and internal/', () => {
    const wrong = all.filter(([from, to]) => SHARED.has(from) && !SHARED.has(to));
    expect(wrong.map(([, , where]) => where)).toEqual([]);
  });

  it('internal/ stays small: at most 5 files', () => {
    expect(readdirSync(join(SRC, 'internal')).filter((f) => f.endsWith('.ts')).length).toBeLessThanOrEqual(5);
  });
});
