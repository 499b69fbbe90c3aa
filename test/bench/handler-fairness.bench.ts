/**
 * Part 8: the availability handler under a crowd (issue 11). 200 browsers (each a real
 * `createAvailabilityChecker` + `createFetchTransport`, 15 s timeout, no retries) check 250
 * new names each at the same moment through ONE handler (node form, loopback) whose client
 * calls the sandbox (100 ms latency, 600/min, 570/min budget). Run twice: load shedding off
 * (unbounded queue and no `timeout_ms` in the body: the old behaviour) and on (the defaults). Reported: the slowest answer
 * (200 or 429) a browser got, the share of browser calls that hit the 15 s timeout, and the
 * upstream names nobody received (fetched for a browser that had already given up).
 */
import { expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { createAvailabilityChecker, createFetchTransport, PeekerError } from '@peeker/core';
import { createAvailabilityHandler, createPeekerClient } from '@peeker/core/server';
import { startSandbox } from '@peeker/sandbox';
import { summarize, type ReportRow } from './lib/stats.ts';
import { writePart } from './lib/write-part.ts';

const SECTION = '8. Availability handler under a crowd';
const QUICK = process.env['BENCH_QUICK'] === '1';
const BROWSERS = QUICK ? 60 : 200;
const NAMES_EACH = 250;

interface CrowdResult {
  slowestCallMs: number;
  calls: number;
  timedOut: number;
  shed: number;
  upstreamNames: number;
  delivered: number;
}

async function crowd(shedding: boolean, seed: number): Promise<CrowdResult> {
  const sandbox = await startSandbox({ port: 0, seed, latencyMs: 100 });
  const client = createPeekerClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl });
  const handler = createAvailabilityHandler({
    client,
    maxDomains: 250,
    clientKey: ({ headers }) => headers.get('x-browser') ?? undefined,
    ...(shedding ? {} : { maxWaitMs: 1_000_000_000, perClientRequestsPerMinute: 1_000_000_000 }),
  });
  const server = createServer((req, res) => void handler.node(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const callTimes: number[] = [];
  let timedOut = 0;
  let shed = 0;
  let delivered = 0;
  try {
    await Promise.all(
      Array.from({ length: BROWSERS }, async (_v, b) => {
        const fetchTimed: typeof fetch = async (input, init) => {
          const t0 = performance.now();
          // Without shedding, also drop the caller's timeout_ms (the old transport sent none).
          const body = shedding ? init?.body : JSON.stringify({ domains: (JSON.parse(String(init?.body)) as { domains: string[] }).domains });
          try {
            return await fetch(input, { ...init, body });
          } finally {
            callTimes.push(performance.now() - t0);
          }
        };
        const transport = createFetchTransport({ endpoint, timeoutMs: 15_000, headers: { 'x-browser': `b${b}` }, fetch: fetchTimed });
        const checker = createAvailabilityChecker({ transport, retries: 0, maxJitterMs: 0 });
        const names = Array.from({ length: NAMES_EACH }, (_w, i) => `crowd${seed}-${b}-${i}.com`);
        const rows = await checker.check(names, {
          onBatchError: (error: PeekerError) => {
            if (error.code === 'timeout') timedOut += 1;
            if ((error as { status?: number }).status === 429) shed += 1;
          },
        });
        delivered += rows.filter((r) => r.reason !== 'errored').length;
      }),
    );
    // Let work a gone browser left behind finish, then count what reached Peeker.
    await new Promise((r) => setTimeout(r, 2000));
    return { slowestCallMs: Math.max(...callTimes), calls: callTimes.length, timedOut, shed, upstreamNames: sandbox.stats.availabilityNames, delivered };
  } finally {
    await new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections();
    });
    await client.close();
    await sandbox.close();
  }
}

it('availability handler: shedding vs an unbounded queue', async () => {
  const startedAt = new Date();
  const loadAtStart = loadavg()[0] ?? 0;
  const before = await crowd(false, 1);
  const after = await crowd(true, 2);
  const one = (n: number) => ({ ...summarize([n]) });
  const wasted = (r: CrowdResult): number => Math.max(0, r.upstreamNames - r.delivered);
  const rows: ReportRow[] = [
    {
      section: SECTION,
      metric: `${BROWSERS} browsers × ${NAMES_EACH} names, one handler: slowest answer to a browser call (shedding on)`,
      unit: 'ms',
      ...one(after.slowestCallMs),
      reference: `unbounded queue ${before.slowestCallMs.toFixed(0)} ms`,
      target: '< 15000 (browser timeout)',
      met: after.slowestCallMs < 15_000,
      note: `${after.calls} calls, ${after.shed} answered 429 (retry_after), ${after.delivered} rows delivered`,
    },
    {
      section: SECTION,
      metric: 'browser calls that hit the 15 s timeout (shedding on)',
      unit: 'calls',
      ...one(after.timedOut),
      reference: `unbounded queue ${before.timedOut} of ${before.calls}`,
      target: '0',
      met: after.timedOut === 0,
    },
    {
      section: SECTION,
      metric: 'upstream names no browser received (shedding on)',
      unit: 'names',
      ...one(wasted(after)),
      reference: `unbounded queue ${wasted(before)} of ${before.upstreamNames} (${((100 * wasted(before)) / Math.max(1, before.upstreamNames)).toFixed(1)} %)`,
      target: '0',
      met: wasted(after) === 0,
    },
  ];
  writePart('fairness', startedAt, rows, { loadavg1mAtStart: loadAtStart, browsers: BROWSERS, namesEach: NAMES_EACH, before, after });
  expect(rows.filter((r) => r.met === false)).toEqual([]);
});
