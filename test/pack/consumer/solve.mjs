// A partner's plain Node ESM script, run from the installed tarballs (no TypeScript, no bundler).
import { estimateRequiredDomains, generateCandidates, isOrderable, solveSelection } from '@peeker/core';
import { createPeekerClient } from '@peeker/core/server';
import { startSandbox } from '@peeker/sandbox';

// 1. The pure engine: a tiny problem solved offline.
const offline = solveSelection({
  rows: [
    { domain: 'a.com', available: true, premium: false, price_cents: 1000, renewal_price_cents: 1200, currency: 'usd', usable_for: ['google'] },
    { domain: 'b.com', available: true, premium: false, price_cents: 1500, renewal_price_cents: 1500, currency: 'usd', usable_for: ['google', 'microsoft'] },
    { domain: 'c.com', available: true, premium: false, price_cents: 1000, renewal_price_cents: 1000, currency: 'usd', usable_for: ['google', 'microsoft'] },
    { domain: 'd.com', available: false, premium: false, reason: 'taken' },
  ],
  required: { google: 1, microsoft: 1 },
});

// 2. The server side: the client checks generated names against the local sandbox.
const required = estimateRequiredDomains({ monthly_sending_volume: 25_000 });
const sandbox = await startSandbox({ port: 0 });
const client = createPeekerClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl });
try {
  const names = generateCandidates({ brand: 'acme', limit: 200 }).map((c) => c.domain);
  const rows = await client.checkAvailability(names);
  const online = solveSelection({ rows, required: { google: required.google, microsoft: required.microsoft } });
  const byName = new Map(rows.map((r) => [r.domain, r]));
  const availableChosen = online.status === 'optimal' && online.domains.every((d) => isOrderable(byName.get(d)));
  process.stdout.write(JSON.stringify({ required, offline, online, checked: rows.length, availableChosen }));
} finally {
  await client.close();
  await sandbox.close();
}
