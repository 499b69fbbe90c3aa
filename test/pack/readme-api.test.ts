/**
 * packages/core/README.md documents "every option and its default". This keeps it honest:
 * every member of every public `…Options` interface exported by `@peeker/core`,
 * `@peeker/core/server` and `@peeker/core/testing` must be named in the README (as
 * `` `name` ``). Renaming or adding an option without documenting it fails.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './pack-fixture.ts';

const CORE = join(ROOT, 'packages', 'core');
const README = readFileSync(join(CORE, 'README.md'), 'utf8');
const ENTRIES = ['src/index.ts', 'src/server/index.ts', 'src/testing/index.ts'];

/** `export type { AOptions, B } from './file.ts'` → [['AOptions', '<abs file>'], …] for names ending in Options. */
function exportedOptionInterfaces(): [string, string][] {
  const found: [string, string][] = [];
  for (const entry of ENTRIES) {
    const text = readFileSync(join(CORE, entry), 'utf8');
    for (const match of text.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'([^']+)'/g)) {
      const names = match[1]!.split(',').map((n) => n.replace(/^\s*type\s+/, '').trim()).filter((n) => n.endsWith('Options'));
      for (const name of names) found.push([name, join(CORE, dirname(entry), match[2]!)]);
    }
  }
  return found;
}

/** Top-level member names of `interface Name … { … }` (with `extends` and nested braces handled). */
function membersOf(name: string, file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const start = text.search(new RegExp(`export interface ${name}\\b`));
  if (start < 0) return [];
  const open = text.indexOf('{', start);
  let depth = 0;
  const members: string[] = [];
  let line = '';
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '{') depth++;
    if (ch === '}') {
      depth--;
      if (depth === 0) break;
    }
    if (ch === '\n') {
      const member = depth === 1 ? /^\s{2}(?:readonly\s+)?([A-Za-z_]\w*)\??\s*[:(]/.exec(line) : null;
      if (member) members.push(member[1]!);
      line = '';
    } else {
      line += ch;
    }
  }
  return members;
}

describe('packages/core/README.md covers the public options', () => {
  const interfaces = exportedOptionInterfaces();

  it('finds the public option interfaces', () => {
    const names = interfaces.map(([n]) => n);
    expect(names).toEqual(expect.arrayContaining(['CandidateOptions', 'AvailabilityCheckerOptions', 'PeekerClientOptions', 'WebhookHandlerOptions']));
  });

  it.each(interfaces)('%s: every option is named in the README', (name, file) => {
    const members = membersOf(name, file);
    const missing = members.filter((member) => !README.includes(`\`${member}\``) && !README.includes(`\`${member} =`) && !README.includes(`${member}: `));
    expect(missing).toEqual([]);
  });
});
