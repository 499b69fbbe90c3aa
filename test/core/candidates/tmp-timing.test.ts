import { it } from 'vitest';
import { generateCandidates } from '../../../packages/core/src/candidates/generate-candidates.ts';
import { normalizeDomain } from '../../../packages/core/src/domains/normalize-domain.ts';
it('timing', () => {
const all = generateCandidates({ brand: 'acme', limit: Infinity });
console.log('acme all', all.length, 'nohyph', generateCandidates({ brand: 'acme', limit: Infinity, hyphens: false }).length);
console.log(all.slice(0, 12).map((c) => `${c.domain} ${c.pattern} ${c.score}`).join('\n'));
console.log(all.slice(-6).map((c) => `${c.domain} ${c.pattern} ${c.score}`).join('\n'));
console.log(JSON.stringify(all[500]));
for (const brand of ['acme', 'acme rockets industries', 'Acme Rockets', 'acme.com', 'supercalifragilistic']) {
  for (let r = 0; r < 30; r++) generateCandidates({ brand, limit: 5000 });
  const c0 = process.cpuUsage(); const t0 = performance.now();
  const N = 50;
  for (let r = 0; r < N; r++) generateCandidates({ brand, limit: 5000 });
  const cu = process.cpuUsage(c0);
  console.log(brand, ((performance.now() - t0) / N).toFixed(2), 'ms wall', (cu.user / 1000 / N).toFixed(2), 'ms cpu', generateCandidates({ brand, limit: Infinity }).length);
}
let bad = 0; for (const c of all) { try { if (normalizeDomain(c.domain) !== c.domain) bad++; } catch { bad++; } }
console.log('bad', bad);
});
