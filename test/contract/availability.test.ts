import { afterEach, describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { PeekerApiError, type AvailabilityRow } from '@peeker/core';
import { FaultKind } from '@peeker/sandbox';
import { createPeekerClient } from '@peeker/core/server';
import { FAST_AVAILABILITY, names, startHarness, type Harness } from './contract-helpers.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** The fault-free answer of a seed-1 sandbox, for comparison (availability is deterministic). */
async function referenceRows(list: readonly string[]): Promise<Map<string, AvailabilityRow>> {
  const ref = await startHarness();
  try {
    const rows = await ref.client.checkAvailability(list);
    return new Map(rows.map((r) => [r.domain, r]));
  } finally {
    await ref.close();
  }
}

function strip(row: AvailabilityRow | undefined): Omit<AvailabilityRow, 'checked_at'> | undefined {
  if (row === undefined) return undefined;
  const { checked_at: _ignored, ...rest } = row;
  return rest;
}

describe('availability through the client against the sandbox', () => {
  it('checks 2,000 names in exactly 40 requests of at most 50, one row per name', async () => {
    harness = await startHarness();
    const list = names(2000);
    const rows = await harness.client.checkAvailability(list);
    expect(rows.map((r) => r.domain)).toEqual(list);
    expect(harness.sandbox.stats.availabilityRequests).toBe(40);
    expect(harness.sandbox.stats.availabilityNames).toBe(2000);
    // A repeat is served from the checker's cache: no more requests.
    await harness.client.checkAvailability(list.slice(0, 100));
    expect(harness.sandbox.stats.availabilityRequests).toBe(40);
  });

  it('answers the documented row shapes (available, taken, premium, invalid never sent)', async () => {
    harness = await startHarness();
    const rows = await harness.client.checkAvailability(['premium-acme.com', 'taken-acme.com', 'not a name', ...names(40)]);
    expect(rows[0]).toMatchObject({ domain: 'premium-acme.com', available: false, premium: true, reason: 'premium' });
    expect(rows[1]).toMatchObject({ domain: 'taken-acme.com', available: false, premium: false, reason: 'taken' });
    expect(rows[2]).toMatchObject({ available: false, reason: 'invalid' });
    expect(harness.sandbox.stats.availabilityNames).toBe(42); // the invalid name was answered locally
    const available = rows.filter((r) => r.available);
    expect(available.length).toBeGreaterThan(0);
    for (const r of available) {
      expect(Number.isSafeInteger(r.price_cents) && Number.isSafeInteger(r.renewal_price_cents)).toBe(true);
      expect(r.currency).toBe('usd');
      expect(r.usable_for?.[0]).toBe('google');
    }
    expect(available.some((r) => r.usable_for?.length === 1)).toBe(true);
  });

  it('the sandbox refuses more than 50 names per call with 400 invalid_request', async () => {
    harness = await startHarness();
    const error = await harness.client
      .request({ method: 'POST', path: '/domains/availability', body: { domains: names(51) } })
      .catch((e: unknown) => e as PeekerApiError);
    expect(error).toBeInstanceOf(PeekerApiError);
    expect([(error as PeekerApiError).status, (error as PeekerApiError).code, (error as PeekerApiError).field]).toEqual([400, 'invalid_request', 'domains']);
  });

  it('honours a 429 retry_after_seconds before retrying, and completes', async () => {
    const waits: number[] = [];
    harness = await startHarness(
      { faults: { script: ['rate_limit'], retryAfterSeconds: 1, routes: ['POST /domains/availability'] } },
      { availability: { sleep: async (ms: number) => void waits.push(ms), random: () => 0.5, maxJitterMs: 1000 } },
    );
    const list = names(50);
    const rows = await harness.client.checkAvailability(list);
    expect(rows.every((r) => r.reason !== 'errored')).toBe(true);
    expect(harness.sandbox.stats.availabilityRequests).toBe(2);
    expect(waits).toEqual([1500]); // 1 s from the body + 0.5 × 1 s jitter
  });

  it('retries 5xx answers and returns every row', async () => {
    harness = await startHarness({ faults: { script: ['server_error', 'server_error'], routes: ['POST /domains/availability'] } });
    const list = names(100);
    const rows = await harness.client.checkAvailability(list);
    expect(rows).toHaveLength(100);
    expect(rows.every((r) => r.reason !== 'errored')).toBe(true);
    expect(harness.sandbox.stats.availabilityRequests).toBe(4);
  });

  it('a dropped connection mid-batch loses no answered row', async () => {
    const list = names(300);
    const reference = await referenceRows(list);
    harness = await startHarness(
      { faults: { script: ['none', 'drop', 'none', 'drop_after', 'drop'], routes: ['POST /domains/availability'] } },
      { availability: { concurrency: 1 } },
    );
    const rows = await harness.client.checkAvailability(list);
    expect(rows.map((r) => r.domain)).toEqual(list);
    for (const row of rows) expect(strip(row)).toEqual(strip(reference.get(row.domain)));
    expect(harness.sandbox.stats.faults).toEqual({ drop: 2, drop_after: 1 });
    expect(harness.sandbox.stats.availabilityRequests).toBe(6 + 3);
  });

  it('abort stops the traffic: the request count stops growing', async () => {
    harness = await startHarness({ latencyMs: 30 }, { availability: { concurrency: 2 } });
    const controller = new AbortController();
    let batches = 0;
    const check = harness.client.checkAvailability(names(2000), {
      signal: controller.signal,
      onProgress: ({ rows }) => {
        if (rows.length > 0 && (batches += 1) === 2) controller.abort(new Error('user typed again'));
      },
    });
    await expect(check).rejects.toThrow('user typed again');
    await new Promise((r) => setTimeout(r, 100)); // let requests already on the wire land
    const after = harness.sandbox.stats.availabilityRequests;
    await new Promise((r) => setTimeout(r, 200));
    expect(harness.sandbox.stats.availabilityRequests).toBe(after);
    expect(after).toBeLessThan(10);
  });

  it('property: for any sequence of injected faults, every name ends with exactly one row', async () => {
    const list = names(120, 'prop');
    const reference = await referenceRows(list);
    harness = await startHarness();
    const sandbox = harness.sandbox;
    const kinds = Object.values(FaultKind);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...kinds), { maxLength: 12 }),
        fc.integer({ min: 1, max: 4 }),
        fc.subarray(list, { minLength: 1 }),
        async (script, concurrency, subset) => {
          sandbox.setFaults({ script, routes: ['POST /domains/availability'], retryAfterSeconds: 0 });
          // A new client per run: its own checker, so no cache is carried over.
          const client = createPeekerClient({
            apiKey: sandbox.apiKey,
            baseUrl: sandbox.baseUrl,
            availability: { ...FAST_AVAILABILITY, concurrency, retries: 3 },
          });
          try {
            const rows = await client.checkAvailability([...subset, ...subset.slice(0, 3)]);
            expect(rows.map((r) => r.domain)).toEqual(subset);
            for (const row of rows) {
              if (row.reason === 'errored') continue; // retries ran out: still exactly one row
              expect(strip(row)).toEqual(strip(reference.get(row.domain)));
            }
          } finally {
            await client.close();
          }
        },
      ),
      { numRuns: 15, seed: 20260508 },
    );
  });
});
