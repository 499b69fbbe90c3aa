import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import type { AvailabilityRow } from '../../../packages/core/src/availability/availability-row.ts';
import { createAvailabilityChecker } from '../../../packages/core/src/availability/create-availability-checker.ts';
import { PeekerApiError } from '../../../packages/core/src/errors/peeker-api-error.ts';
import { answerRow, createFakeTransport, createVirtualTime, testNormalize } from './fake-environment.ts';

/** What the fake transport does on one call. */
const Outcome = ['ok', 'retryable', 'fatal', 'partial', 'throw', 'stale'] as const;
type Outcome = (typeof Outcome)[number];

/** Inputs: valid names in mixed case / with trailing dots, plus some invalid ones, with repeats. */
const inputArb = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: fc.domain() },
      { weight: 1, arbitrary: fc.constantFrom('not a domain', '', 'x', '-bad-.com') },
    ),
    { maxLength: 40 },
  )
  .chain((list) =>
    fc.tuple(
      fc.constant(list),
      fc.array(fc.constantFrom('same', 'upper', 'dot'), { minLength: list.length, maxLength: list.length }),
      fc.array(fc.nat({ max: Math.max(0, list.length - 1) }), { maxLength: 8 }),
    ),
  )
  .map(([list, styles, repeats]) => {
    const styled = list.map((d, i) => (styles[i] === 'upper' ? d.toUpperCase() : styles[i] === 'dot' ? `${d}.` : d));
    return [...styled, ...repeats.flatMap((i) => (styled[i] === undefined ? [] : [styled[i] as string]))];
  });

function expectedOrder(input: readonly string[]): string[] {
  const seen = new Set<string>();
  const order: string[] = [];
  for (const raw of input) {
    let key: string;
    try {
      key = testNormalize(raw);
    } catch {
      key = raw.trim().toLowerCase();
    }
    if (!seen.has(key)) {
      seen.add(key);
      order.push(key);
    }
  }
  return order;
}

test.prop(
  {
    input: inputArb,
    outcomes: fc.array(fc.constantFrom(...Outcome), { maxLength: 30 }),
    batchSize: fc.integer({ min: 1, max: 50 }),
    concurrency: fc.integer({ min: 1, max: 4 }),
    retries: fc.integer({ min: 0, max: 3 }),
    latencyMs: fc.constantFrom(0, 50),
  },
  { numRuns: 150 },
)(
  'every input name ends with exactly one row, in order, and answered rows are never lost',
  async ({ input, outcomes, batchSize, concurrency, retries, latencyMs }) => {
    const clock = createVirtualTime();
    /** The last row the transport answered for each name. */
    const answered = new Map<string, AvailabilityRow>();
    const fake = createFakeTransport(clock, {
      latencyMs,
      respond: (domains, i) => {
        const outcome: Outcome = outcomes[i] ?? 'ok';
        switch (outcome) {
          case 'retryable':
            throw new PeekerApiError({ status: 503, code: 'server_error', message: 'busy' });
          case 'fatal':
            throw new PeekerApiError({ status: 403, code: 'forbidden', message: 'read-only key' });
          case 'throw':
            throw new TypeError('socket hang up');
          case 'partial':
          case 'stale':
          case 'ok': {
            const chosen = outcome === 'partial' ? domains.filter((_, j) => j % 2 === 0) : domains;
            const rows = chosen.map((d) =>
              outcome === 'stale' ? { domain: d.toUpperCase(), available: false, premium: false, reason: 'stale' } : answerRow(d),
            );
            for (const row of rows) answered.set(row.domain.toLowerCase(), row);
            return [...rows, answerRow('extra-row-nobody-asked.com')];
          }
        }
      },
    });
    const checker = createAvailabilityChecker({
      transport: fake.transport,
      normalize: testNormalize,
      batchSize,
      concurrency,
      retries,
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0.5,
    });

    const progressDone: number[] = [];
    const rows = await clock.run(checker.check(input, { onProgress: ({ done }) => progressDone.push(done) }));

    const order = expectedOrder(input);
    expect(rows.map((r) => r.domain)).toEqual(order);
    for (const row of rows) {
      const got = answered.get(row.domain);
      if (got !== undefined) {
        // An answered name keeps its answer (never replaced by an errored row).
        expect(row).toEqual({ ...got, domain: row.domain, checked_at: row.checked_at });
      } else {
        expect(row.available).toBe(false);
        expect(['invalid', 'errored']).toContain(row.reason);
      }
    }
    // Invalid names are never sent; no name in two requests at once; batches respect batchSize.
    const sent = fake.calls.flatMap((c) => c.domains);
    for (const row of rows) if (row.reason === 'invalid') expect(sent).not.toContain(row.domain);
    expect(fake.overlap).toBeUndefined();
    expect(fake.maxInFlight).toBeLessThanOrEqual(concurrency);
    for (const call of fake.calls) expect(call.domains.length).toBeLessThanOrEqual(batchSize);
    // Progress is monotone and ends at the total.
    expect(progressDone).toEqual([...progressDone].sort((a, b) => a - b));
    expect(progressDone.at(-1)).toBe(order.length);
  },
);

test.prop({ count: fc.integer({ min: 0, max: 400 }), batchSize: fc.integer({ min: 1, max: 50 }) }, { numRuns: 60 })(
  'sends exactly ceil(n / batchSize) requests when nothing fails',
  async ({ count, batchSize }) => {
    const clock = createVirtualTime();
    const fake = createFakeTransport(clock);
    const checker = createAvailabilityChecker({
      transport: fake.transport,
      normalize: testNormalize,
      batchSize,
      now: clock.now,
      sleep: clock.sleep,
    });
    const input = Array.from({ length: count }, (_, i) => `name-${i}.com`);
    const rows = await clock.run(checker.check(input));
    expect(fake.calls).toHaveLength(Math.ceil(count / batchSize));
    expect(rows).toHaveLength(count);
  },
);
