/**
 * Part 3: the availability engine against the ideal. The real client
 * (`createPeekerClient(...).checkAvailability`) checks 2,000 names against the local sandbox
 * over loopback with 100 ms injected latency, concurrency 4 (the default). Ideal: ceil(2000/50)
 * = 40 requests in ceil(40/4) × 100 ms = 1,000 ms. Then again with 10 % injected 429s/5xx:
 * no row may be lost. Every run uses a fresh sandbox and client (no cache, fresh rate bucket).
 */
import { expect, it } from 'vitest';
import { loadavg } from 'node:os';
import { createPeekerClient } from '@peeker/core/server';
import { startSandbox } from '@peeker/sandbox';
import type { SandboxFaults } from '@peeker/sandbox';
import { summarize, type ReportRow } from './lib/stats.ts';
import { writePart } from './lib/write-part.ts';

const SECTION = '3. Availability vs ideal';
const QUICK = process.env['BENCH_QUICK'] === '1';
const NAMES = 2_000;
const LATENCY_MS = 100;
const CONCURRENCY = 4;
const IDEAL_REQUESTS = Math.ceil(NAMES / 50);
const IDEAL_MS = Math.ceil(IDEAL_REQUESTS / CONCURRENCY) * LATENCY_MS;
const RUNS = QUICK ? 2 : 5;

/** 2,000 distinct, valid, normalised names (several TLDs, hyphens, digits). */
const names = Array.from({ length: NAMES }, (_, i) => `bench${i.toString(36)}-${['mail', 'team', 'hq', 'go'][i % 4]}.${['com', 'org', 'net', 'co', 'io'][i % 5]}`);

interface RunResult {
  wallMs: number;
  requests: number;
  rows: number;
  lost: number;
  duplicated: number;
  errored: number;
  faults: Record<string, number>;
}

async function runOnce(seed: number, faults: SandboxFaults | undefined): Promise<RunResult> {
  const sandbox = await startSandbox({ port: 0, latencyMs: LATENCY_MS, seed, ...(faults ? { faults: { ...faults, seed } } : {}) });
  const client = createPeekerClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl, availability: { concurrency: CONCURRENCY } });
  try {
    const t0 = performance.now();
    const rows = await client.checkAvailability(names);
    const wallMs = performance.now() - t0;
    const seen = new Map<string, number>();
    for (const row of rows) seen.set(row.domain, (seen.get(row.domain) ?? 0) + 1);
    const stats = sandbox.stats;
    return {
      wallMs,
      requests: stats.availabilityRequests,
      rows: rows.length,
      lost: names.filter((n) => !seen.has(n)).length,
      duplicated: [...seen.values()].filter((c) => c > 1).length,
      errored: rows.filter((r) => r.reason === 'errored').length,
      faults: { ...stats.faults },
    };
  } finally {
    await client.close();
    await sandbox.close();
  }
}

it('availability engine vs the ideal', async () => {
  const startedAt = new Date();
  const loadAtStart = loadavg()[0] ?? 0;
  const faults: SandboxFaults = { rate429: 0.05, rate5xx: 0.05, retryAfterSeconds: 0, routes: ['POST /domains/availability'] };

  await runOnce(1, undefined); // warm-up (JIT, sockets, module init)
  const clean: RunResult[] = [];
  for (let r = 0; r < RUNS; r++) clean.push(await runOnce(100 + r, undefined));
  const faulty: RunResult[] = [];
  for (let r = 0; r < RUNS; r++) faulty.push(await runOnce(200 + r, faults));

  const wall = summarize(clean.map((r) => r.wallMs));
  const req = summarize(clean.map((r) => r.requests));
  const fWall = summarize(faulty.map((r) => r.wallMs));
  const fReq = summarize(faulty.map((r) => r.requests));
  const lostAll = [...clean, ...faulty].map((r) => r.lost + r.duplicated + Math.abs(r.rows - NAMES));
  const erroredFaulty = faulty.map((r) => r.errored);
  const injected = faulty.map((r) => Object.values(r.faults).reduce((a, b) => a + b, 0));
  const fmt = (n: number): string => n.toFixed(0);

  const rows: ReportRow[] = [
    {
      section: SECTION,
      metric: `${NAMES.toLocaleString('en-US')} names, concurrency ${CONCURRENCY}, ${LATENCY_MS} ms latency: wall time`,
      unit: 'ms',
      ...wall,
      reference: `ideal ${IDEAL_MS} ms`,
      ratio: wall.median / IDEAL_MS,
      ratioLabel: 'ours/ideal',
      target: '≤ 1.15×',
      met: wall.median / IDEAL_MS <= 1.15,
    },
    {
      section: SECTION,
      metric: `${NAMES.toLocaleString('en-US')} names: requests sent (sandbox count)`,
      unit: 'requests',
      ...req,
      reference: `ideal ${IDEAL_REQUESTS}`,
      ratio: req.median / IDEAL_REQUESTS,
      ratioLabel: 'ours/ideal',
      target: `= ${IDEAL_REQUESTS}`,
      met: req.max === IDEAL_REQUESTS && req.min === IDEAL_REQUESTS,
    },
    {
      section: SECTION,
      metric: 'with 10 % injected 429/5xx (retry_after 0 s): requests sent',
      unit: 'requests',
      ...fReq,
      reference: `ideal ${IDEAL_REQUESTS}`,
      ratio: fReq.median / IDEAL_REQUESTS,
      ratioLabel: 'ours/ideal',
      note: `extra requests: median +${fmt(fReq.median - IDEAL_REQUESTS)} (min +${fmt(fReq.min - IDEAL_REQUESTS)}, max +${fmt(fReq.max - IDEAL_REQUESTS)}); faults injected per run ${injected.join(', ')}`,
    },
    {
      section: SECTION,
      metric: 'with 10 % injected 429/5xx: wall time (default backoff + jitter)',
      unit: 'ms',
      ...fWall,
      reference: `ideal ${IDEAL_MS} ms`,
      ratio: fWall.median / IDEAL_MS,
      ratioLabel: 'ours/ideal',
    },
    {
      section: SECTION,
      metric: 'rows lost or duplicated (all runs, with and without faults)',
      unit: 'rows',
      ...summarize(lostAll),
      target: '0',
      met: lostAll.every((n) => n === 0),
    },
    {
      section: SECTION,
      metric: 'with 10 % injected 429/5xx: errored rows (retries exhausted)',
      unit: 'rows',
      ...summarize(erroredFaulty),
      target: '0',
      met: erroredFaulty.every((n) => n === 0),
    },
  ];
  writePart('availability', startedAt, rows, {
    loadavg1mAtStart: Number(loadAtStart.toFixed(2)),
    names: NAMES,
    latencyMs: LATENCY_MS,
    concurrency: CONCURRENCY,
    idealRequests: IDEAL_REQUESTS,
    idealMs: IDEAL_MS,
    faults,
    client: 'createPeekerClient({ apiKey, baseUrl, availability: { concurrency: 4 } }).checkAvailability(names); checker defaults otherwise',
    clean,
    faulty,
  });
  expect(lostAll.every((n) => n === 0), 'a name lost its row or got two').toBe(true);
});
