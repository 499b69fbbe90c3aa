import { it } from 'vitest';
import { buildLookalikes } from '../../../packages/core/src/internal/lookalikes.ts';
import { createProtectedMatcher, protectedNamesFor } from '../../../packages/core/src/internal/candidate-filter.ts';
import { spamWordIn } from '../../../packages/core/src/internal/candidate-score.ts';
import { SPAM_WORDS } from '../../../packages/core/src/candidates/words/spam-words.ts';
import { MORPHEMES } from '../../../packages/core/src/candidates/words/morphemes.ts';
import { DEFAULT_PROTECTED_BRANDS } from '../../../packages/core/src/candidates/protected-brands.ts';
import { isCanonicalLdhHostname } from '../../../packages/core/src/internal/domain-syntax.ts';
function time(name: string, f: () => void) { for (let i = 0; i < 20; i++) f(); const t = performance.now(); for (let i = 0; i < 50; i++) f(); console.log(name, ((performance.now() - t) / 50).toFixed(3)); }
it('prof', () => {
  const labels = MORPHEMES.flatMap((m) => ['acme' + m, m + 'acme', 'acme-' + m, m + '-acme']);
  const m = createProtectedMatcher(protectedNamesFor(DEFAULT_PROTECTED_BRANDS, 'acme'));
  time('lookalikes', () => buildLookalikes('acme', { ownTld: 'com' }));
  time('protected', () => { for (const l of labels) m(l); });
  time('spam', () => { for (const l of labels) spamWordIn(l, 0, 4, SPAM_WORDS); });
  time('ldh', () => { for (const l of labels) isCanonicalLdhHostname(l + '.x'); });
  const doms: string[] = []; const scores: number[] = [];
  time('cross', () => { doms.length = 0; scores.length = 0; for (const l of labels) for (const t of ['com','org','net','co','io']) { doms.push(l + '.' + t); scores.push((l.length * 7 + t.length) % 13); } });
  time('sort', () => { const order = Array.from(doms.keys()); order.sort((a, b) => (scores[b]! - scores[a]!) || (doms[a]! < doms[b]! ? -1 : doms[a]! > doms[b]! ? 1 : 0)); });
});
it('count', () => {
  const labels = MORPHEMES.flatMap((m) => ['acme' + m, m + 'acme', 'acme-' + m, m + '-acme']);
  const names = protectedNamesFor(DEFAULT_PROTECTED_BRANDS, 'acme');
  let gate = 0; for (const l of labels) for (const n of names) if (Math.abs(l.replace(/-/g,'').length - n.length) <= (n.length >= 8 ? 2 : 1)) gate++;
  console.log('pairs', labels.length * names.length, 'gated', gate);
  time('includes only', () => { for (const l of labels) { const f = l.replace(/-/g, ''); for (const n of names) if (f.includes(n)) break; } });
});
