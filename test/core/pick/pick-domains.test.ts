import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { PeekerError, pickDomains, solveWithDiversity, type AvailabilityRow, type PickCheck } from '@peeker/core';

/** A deterministic stand-in for Peeker's answers: each name's row depends on (seed, name) only. */
function oracle(seed: number, options: { takenShare?: number; googleOnlyShare?: number; errored?: boolean } = {}) {
  const calls: string[][] = [];
  const hash = (name: string): number => {
    let h = seed >>> 0;
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619) >>> 0;
    return h / 2 ** 32;
  };
  const rowOf = (domain: string): AvailabilityRow => {
    if (options.errored === true) return { domain, available: false, reason: 'errored' };
    const u = hash(domain);
    if (u < (options.takenShare ?? 0.3)) return { domain, available: false, premium: false, reason: 'taken' };
    const googleOnly = hash(`${domain}#g`) < (options.googleOnlyShare ?? 0.3);
    const price = 900 + Math.floor(hash(`${domain}#p`) * 8) * 100;
    return {
      domain,
      available: true,
      premium: false,
      price_cents: price,
      renewal_price_cents: price + 200,
      currency: 'usd',
      usable_for: googleOnly ? ['google'] : ['google', 'microsoft'],
    };
  };
  const check: PickCheck = async (names, { onProgress }) => {
    calls.push([...names]);
    const rows = names.map(rowOf);
    onProgress?.({ done: rows.length, total: rows.length, rows });
    return rows;
  };
  return { check, calls, rowOf };
}

describe('pickDomains', () => {
  test.prop({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    google: fc.integer({ min: 0, max: 25 }),
    microsoft: fc.integer({ min: 0, max: 10 }),
    brand: fc.constantFrom('acme', 'blue river labs', 'quokka', 'nordlicht'),
  }, { numRuns: 40 })('returns the exact answer over the rows it checked, asking each name once, at least doubling each round', async ({ seed, google, microsoft, brand }) => {
    const { check, calls } = oracle(seed);
    const outcome = await pickDomains({ brand, required: { google, microsoft }, check, maxIdeas: 600 });
    const asked = calls.flat();
    expect(new Set(asked).size).toBe(asked.length); // no name asked twice
    // the first round asks max(12, 3 × needed) names; every later round at least as many as all before it
    if (calls.length > 0) expect(calls[0]!.length).toBeLessThanOrEqual(Math.max(12, 3 * (google + microsoft)));
    let before = calls[0]?.length ?? 0;
    for (const call of calls.slice(1, -1)) {
      expect(call.length).toBeGreaterThanOrEqual(before);
      before += call.length;
    }
    expect(outcome.rows.map((row) => row.domain).sort()).toEqual([...asked].sort());
    if (google + microsoft === 0) {
      expect(outcome.result).toBeNull();
      return;
    }
    const again = solveWithDiversity({ rows: outcome.rows, required: { google, microsoft }, groupOf: outcome.groupOf });
    expect(outcome.result).toEqual(again.result);
    expect(outcome.notices.some((n) => n.code === 'cap_relaxed')).toBe(again.relaxed);
    if (outcome.status === 'infeasible') {
      expect(outcome.notices).toContainEqual({ code: 'ideas_exhausted', checked: outcome.ideas.length });
    } else {
      expect(outcome.result?.status).toBe('optimal');
    }
  });

  it('grows the pool before it relaxes the diversity cap, and says when it relaxed it', async () => {
    const { check, calls } = oracle(7, { takenShare: 0 });
    const outcome = await pickDomains({ brand: 'acme', required: { google: 7, microsoft: 0 }, check, maxPerPattern: 1, maxIdeas: 300 });
    // 6 pattern families × 1 name cannot hold 7: every idea up to maxIdeas is tried first.
    expect(calls.map((c) => c.length)).toEqual([21, 21, 42, 84, 132]);
    expect(outcome.status).toBe('optimal');
    expect(outcome.notices).toContainEqual({ code: 'cap_relaxed', cap: 1 });
  });

  it('keeps the cap when more ideas make it possible', async () => {
    const { check } = oracle(11, { takenShare: 0.5 });
    const outcome = await pickDomains({ brand: 'acme', required: { google: 15, microsoft: 4 }, check });
    expect(outcome.status).toBe('optimal');
    expect(outcome.notices).toEqual([]);
    if (outcome.result?.status !== 'optimal') throw new Error('expected optimal');
    const perPattern = new Map<string, number>();
    for (const name of outcome.result.domains) {
      const row = outcome.rows.find((r) => r.domain === name)!;
      perPattern.set(outcome.groupOf(row), (perPattern.get(outcome.groupOf(row)) ?? 0) + 1);
    }
    expect(Math.max(...perPattern.values())).toBeLessThanOrEqual(7);
  });

  it('uses known rows as they are and asks again only for errored or stale ones', async () => {
    const first = oracle(3);
    const before = await pickDomains({ brand: 'acme', required: { google: 3, microsoft: 1 }, check: first.check });
    const known = before.rows.map((row, i) => (i === 0 ? { domain: row.domain, available: false, reason: 'stale' } : row));
    const second = oracle(3);
    await pickDomains({ brand: 'acme', required: { google: 3, microsoft: 1 }, check: second.check, rows: known });
    expect(second.calls.flat()).toEqual([before.rows[0]!.domain]);
  });

  it('includes names the customer brought and honours pins', async () => {
    const { check, rowOf } = oracle(5, { takenShare: 0 });
    const own = { ...rowOf('my-own-name.com'), price_cents: 99_999, renewal_price_cents: 99_999 } as AvailabilityRow;
    const outcome = await pickDomains({ brand: 'acme', required: { google: 2, microsoft: 1 }, check, rows: [own], pinned: ['my-own-name.com'] });
    expect(outcome.result?.status === 'optimal' && outcome.result.domains).toContain('my-own-name.com');
  });

  it('rejects an unusable brand without checking anything', async () => {
    const { check, calls } = oracle(1);
    const outcome = await pickDomains({ brand: '!!!', required: { google: 2, microsoft: 0 }, check });
    expect(outcome.status).toBe('rejected');
    expect(PeekerError.is(outcome.error) && outcome.error.code).toBe('invalid_brand');
    expect(calls).toEqual([]);
  });

  it('stops growing after a round whose names failed, and reports them', async () => {
    const { check, calls } = oracle(1, { errored: true });
    const outcome = await pickDomains({ brand: 'acme', required: { google: 15, microsoft: 4 }, check });
    expect(calls).toHaveLength(1);
    expect(outcome.status).toBe('infeasible');
    expect(outcome.notices).toContainEqual({ code: 'names_failed', count: calls[0]!.length });
  });

  it('passes on what the check throws, and an abort', async () => {
    const unreachable = new PeekerError('unreachable', 'The availability endpoint cannot be reached (ECONNREFUSED)', { retryable: true });
    await expect(pickDomains({ brand: 'acme', required: { google: 1, microsoft: 0 }, check: () => Promise.reject(unreachable) })).rejects.toBe(unreachable);
    const controller = new AbortController();
    const reason = new Error('stop');
    controller.abort(reason);
    await expect(pickDomains({ brand: 'acme', required: { google: 1, microsoft: 0 }, check: oracle(1).check, signal: controller.signal })).rejects.toBe(reason);
  });

  it('reports progress across rounds and lists each round\'s ideas before checking them', async () => {
    const { check } = oracle(2, { takenShare: 0.9 });
    const events: string[] = [];
    await pickDomains({
      brand: 'acme',
      required: { google: 15, microsoft: 4 },
      check: (names, options) => {
        events.push(`check ${names.length}`);
        return check(names, options);
      },
      maxIdeas: 200,
      onIdeas: (ideas) => events.push(`ideas ${ideas.length}`),
      onProgress: ({ done, total }) => {
        expect(done).toBeLessThanOrEqual(total);
      },
    });
    expect(events[0]).toMatch(/^ideas \d+$/);
    expect(events[1]).toBe(`check ${events[0]!.split(' ')[1]}`);
  });
});
