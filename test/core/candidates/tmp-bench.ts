import { generateCandidates } from '../../../packages/core/src/candidates/generate-candidates.ts';
for (const brand of ['acme', 'acme rockets industries']) {
  for (let r = 0; r < 30; r++) generateCandidates({ brand, limit: 5000 });
  const c0 = process.cpuUsage(); const t0 = performance.now(); const N = 100;
  for (let r = 0; r < N; r++) generateCandidates({ brand, limit: 5000 });
  const cu = process.cpuUsage(c0);
  console.log(brand, ((performance.now() - t0) / N).toFixed(2), 'ms wall', (cu.user / 1000 / N).toFixed(2), 'ms cpu');
}
