import { describe, expect, it, vi } from 'vitest';
import type { AvailabilityRow } from '../../../packages/core/src/availability/availability-row.ts';
import {
  createAvailabilityChecker,
  type AvailabilityCheckerOptions,
  type CheckProgress,
} from '../../../packages/core/src/availability/create-availability-checker.ts';
import { PeekerApiError } from '../../../packages/core/src/errors/peeker-api-error.ts';
import { PeekerError } from '../../../packages/core/src/errors/peeker-error.ts';
import {
  answerRow,
  createFakeTransport,
  createVirtualTime,
  deferred,
  names,
  START,
  testNormalize,
  type FakeTransport,
  type Responder,
  type VirtualTime,
} from './fake-environment.ts';

type Setup = { clock: VirtualTime; fake: FakeTransport; checker: ReturnType<typeof createAvailabilityChecker> };

function setup(
  options: Partial<AvailabilityCheckerOptions> & {
    latencyMs?: number;
    respond?: Responder;
  } = {},
): Setup {
  const clock = createVirtualTime();
  const { latencyMs, respond, ...rest } = options;
  const fake = createFakeTransport(clock, { latencyMs, respond });
  const checker = createAvailabilityChecker({
    transport: fake.transport,
    normalize: testNormalize,
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0,
    budgetHeadroom: 0, // these tests count the budget exactly; the headroom has its own test
    ...rest,
  });
  return { clock, fake, checker };
}

const rateLimited = (retryAfterMs?: number): PeekerApiError =>
  new PeekerApiError({ status: 429, code: 'rate_limited', message: 'API rate limit exceeded', retryAfterMs });
const unauthorized = (): PeekerApiError =>
  new PeekerApiError({ status: 401, code: 'unauthorized', message: 'Invalid API key' });

describe('createAvailabilityChecker options', () => {
  it.each([
    ['batchSize', 0],
    ['batchSize', 51],
    ['batchSize', 2.5],
    ['batchSize', '10'],
    ['concurrency', 0],
    ['retries', -1],
    ['cacheTtlMs', -5],
    ['maxRequestsPerMinute', 0],
    ['now', 5],
    ['normalize', 'lower'],
  ])('rejects %s = %j with a TypeError', (key, value) => {
    const clock = createVirtualTime();
    const fake = createFakeTransport(clock);
    expect(() => createAvailabilityChecker({ transport: fake.transport, [key]: value } as never)).toThrow(TypeError);
    expect(() => createAvailabilityChecker({ transport: fake.transport, [key]: value } as never)).toThrow(/^Expected /);
  });

  it('requires a transport function', () => {
    expect(() => createAvailabilityChecker({} as never)).toThrow(/Expected transport to be a function, got undefined/);
    expect(() => createAvailabilityChecker(null as never)).toThrow(TypeError);
  });

  it('rejects a check whose domains are not an array of strings', async () => {
    const { checker } = setup();
    await expect(checker.check('a.com' as never)).rejects.toThrow(TypeError);
    await expect(checker.check(['a.com', 3] as never)).rejects.toThrow(/Expected domains to be an array of strings/);
  });
});

describe('batching', () => {
  it.each([0, 1, 49, 50, 51, 100, 101, 237])('sends exactly ceil(%i / 50) requests', async (n) => {
    const { clock, fake, checker } = setup();
    const input = names(n);
    const rows = await clock.run(checker.check(input));
    expect(fake.calls).toHaveLength(Math.ceil(n / 50));
    for (const call of fake.calls) expect(call.domains.length).toBeLessThanOrEqual(50);
    const sent = fake.calls.flatMap((c) => c.domains);
    expect(sent).toEqual(input);
    expect(rows.map((r) => r.domain)).toEqual(input);
  });

  it('respects batchSize and concurrency across the whole checker', async () => {
    const { clock, fake, checker } = setup({ batchSize: 10, concurrency: 3, latencyMs: 100 });
    const input = names(95);
    const rows = await clock.run(checker.check(input));
    expect(fake.calls).toHaveLength(10);
    expect(Math.max(...fake.calls.map((c) => c.domains.length))).toBe(10);
    expect(fake.maxInFlight).toBe(3);
    expect(rows).toHaveLength(95);
  });

  it('keeps concurrency across overlapping checks', async () => {
    const { clock, fake, checker } = setup({ batchSize: 5, concurrency: 2, latencyMs: 100 });
    const a = checker.check(names(20, 'a'));
    const b = checker.check(names(20, 'b'));
    await clock.run(Promise.all([a, b]));
    expect(fake.calls).toHaveLength(8);
    expect(fake.maxInFlight).toBe(2);
  });

  it('returns one row per distinct normalised name, in first-seen order', async () => {
    const { clock, fake, checker } = setup({
      respond: (domains) => [...domains].reverse().map(answerRow),
    });
    const rows = await clock.run(checker.check(['B.com', 'a.com', 'b.com.', ' A.COM ', 'c.com', 'a.com']));
    expect(rows.map((r) => r.domain)).toEqual(['b.com', 'a.com', 'c.com']);
    expect(fake.calls.map((c) => c.domains)).toEqual([['b.com', 'a.com', 'c.com']]);
  });

  it('uses normalizeHostname by default', async () => {
    const clock = createVirtualTime();
    const fake = createFakeTransport(clock);
    const checker = createAvailabilityChecker({ transport: fake.transport, now: clock.now, sleep: clock.sleep });
    const rows = await clock.run(checker.check(['Acme-Mail.COM', 'acme-mail.com.', 'not a domain']));
    expect(rows.map((r) => [r.domain, r.reason])).toEqual([
      ['acme-mail.com', undefined],
      ['not a domain', 'invalid'],
    ]);
    expect(fake.calls.map((c) => c.domains)).toEqual([['acme-mail.com']]);
  });

  it('answers invalid names locally and never sends them', async () => {
    const { clock, fake, checker } = setup();
    const rows = await clock.run(checker.check(['good.com', 'Bad Name ', 'bad name', '-x-.com', 'also-good.org']));
    expect(rows).toEqual([
      expect.objectContaining({ domain: 'good.com', available: true }),
      {
        domain: 'bad name',
        available: false,
        premium: false,
        reason: 'invalid',
        message: expect.stringContaining('Not a domain name') as unknown as string,
        checked_at: START,
      },
      expect.objectContaining({ domain: '-x-.com', reason: 'invalid' }),
      expect.objectContaining({ domain: 'also-good.org', available: true }),
    ]);
    expect(fake.calls.flatMap((c) => c.domains)).toEqual(['good.com', 'also-good.org']);
  });

  it('sends nothing when every name is invalid', async () => {
    const { clock, fake, checker } = setup();
    const rows = await clock.run(checker.check(['nope', '']));
    expect(rows.map((r) => r.reason)).toEqual(['invalid', 'invalid']);
    expect(fake.calls).toHaveLength(0);
  });

  it('rethrows a normalize failure that is not a PeekerError', async () => {
    const { checker } = setup({
      normalize: () => {
        throw new RangeError('bug');
      },
    });
    await expect(checker.check(['a.com'])).rejects.toThrow(RangeError);
  });

  it('stamps checked_at from the injected clock (a checked_at in the future too) and copies only known fields', async () => {
    const { clock, checker } = setup({
      respond: (domains) =>
        domains.map((d, i) => ({ ...answerRow(d), ...(i === 0 ? { checked_at: START + 10 ** 9 } : {}), secret: 'x' }) as unknown as AvailabilityRow),
    });
    await clock.advance(1234);
    const rows = await clock.run(checker.check(['a.com', 'b.com']));
    expect(rows).toEqual([
      { ...answerRow('a.com'), checked_at: START + 1234 },
      { ...answerRow('b.com'), checked_at: START + 1234 },
    ]);
    expect(Object.isFrozen(rows[0])).toBe(true);
  });

  it('keeps an earlier checked_at the transport sent (a handler forwarding a cached row), and expires it from then', async () => {
    const { clock, fake, checker } = setup({
      cacheTtlMs: 60_000,
      respond: (domains) => domains.map((d) => ({ ...answerRow(d), checked_at: START - 50_000 })),
    });
    const [row] = await clock.run(checker.check(['a.com']));
    expect(row?.checked_at).toBe(START - 50_000);
    await clock.advance(9_000);
    expect(checker.peek('a.com')).toBe(row);
    await clock.advance(2_000); // 61 s after Peeker answered
    expect(checker.peek('a.com')).toBeUndefined();
    await clock.run(checker.check(['a.com']));
    expect(fake.calls).toHaveLength(2);
  });
});

describe('row matching', () => {
  it('matches rows whose domain differs in case, ignores extra and duplicate rows', async () => {
    const { clock, checker } = setup({
      respond: () => [
        { ...answerRow('A.COM'), price_cents: 1 },
        { ...answerRow('a.com'), price_cents: 2 },
        answerRow('unasked.com'),
        { domain: 'b.com', available: false, premium: false, reason: 'taken' },
        { nonsense: true } as unknown as AvailabilityRow,
      ],
    });
    const rows = await clock.run(checker.check(['a.com', 'b.com']));
    expect(rows).toEqual([
      { ...answerRow('a.com'), price_cents: 1, checked_at: START },
      { domain: 'b.com', available: false, premium: false, reason: 'taken', checked_at: START },
    ]);
  });

  it('re-sends only the names missing from a response, then answers them errored', async () => {
    const { clock, fake, checker } = setup({
      retries: 2,
      respond: (domains) => domains.filter((d) => d !== 'c.com').map(answerRow),
    });
    const rows = await clock.run(checker.check(['a.com', 'b.com', 'c.com']));
    expect(fake.calls.map((c) => c.domains)).toEqual([['a.com', 'b.com', 'c.com'], ['c.com'], ['c.com']]);
    expect(rows.map((r) => [r.domain, r.available, r.reason])).toEqual([
      ['a.com', true, undefined],
      ['b.com', true, undefined],
      ['c.com', false, 'errored'],
    ]);
    expect(rows[2]?.message).toMatch(/no row/);
  });
});

describe('cache', () => {
  it('reuses rows within the TTL and asks again after it', async () => {
    const { clock, fake, checker } = setup({ cacheTtlMs: 10_000 });
    const [first] = await clock.run(checker.check(['a.com']));
    await clock.advance(9_999);
    const [second] = await clock.run(checker.check(['a.com']));
    expect(fake.calls).toHaveLength(1);
    expect(second).toBe(first);
    expect(checker.peek('A.com')).toBe(first);
    await clock.advance(1);
    expect(checker.peek('a.com')).toBeUndefined();
    const [third] = await clock.run(checker.check(['a.com']));
    expect(fake.calls).toHaveLength(2);
    expect(third?.checked_at).toBe(START + 10_000);
  });

  it('never caches stale or errored rows, but caches taken and invalid answers', async () => {
    const reasons: Record<string, string> = { 's.com': 'stale', 'e.com': 'errored', 't.com': 'taken', 'i.com': 'invalid' };
    const { clock, fake, checker } = setup({
      respond: (domains) =>
        domains.map((domain) => ({ domain, available: false, premium: false, reason: reasons[domain] as string })),
    });
    const input = ['s.com', 'e.com', 't.com', 'i.com'];
    const first = await clock.run(checker.check(input));
    expect(first.map((r) => r.reason)).toEqual(['stale', 'errored', 'taken', 'invalid']);
    await clock.run(checker.check(input));
    expect(fake.calls.map((c) => c.domains)).toEqual([input, ['s.com', 'e.com']]);
  });

  it('never caches rows of a failed batch', async () => {
    let fail = true;
    const { clock, fake, checker } = setup({
      retries: 0,
      respond: (domains) => {
        if (fail) throw unauthorized();
        return domains.map(answerRow);
      },
    });
    const [errored] = await clock.run(checker.check(['a.com']));
    expect(errored?.reason).toBe('errored');
    fail = false;
    const [ok] = await clock.run(checker.check(['a.com']));
    expect(ok?.available).toBe(true);
    expect(fake.calls).toHaveLength(2);
  });

  it('fresh bypasses the cache and refreshes it', async () => {
    const { clock, fake, checker } = setup();
    const [first] = await clock.run(checker.check(['a.com', 'b.com']));
    await clock.advance(1000);
    const freshRows = await clock.run(checker.check(['a.com'], { fresh: true }));
    expect(fake.calls.map((c) => c.domains)).toEqual([['a.com', 'b.com'], ['a.com']]);
    expect(freshRows[0]?.checked_at).toBe(START + 1000);
    expect(first?.checked_at).toBe(START);
    const [again] = await clock.run(checker.check(['a.com']));
    expect(again).toBe(freshRows[0]);
    expect(fake.calls).toHaveLength(2);
  });

  it('peek() returns undefined for invalid names and sends nothing', () => {
    const { fake, checker } = setup();
    expect(checker.peek('not a domain')).toBeUndefined();
    expect(checker.peek('a.com')).toBeUndefined();
    expect(fake.calls).toHaveLength(0);
  });

  it('clear() forgets cached rows', async () => {
    const { clock, fake, checker } = setup();
    await clock.run(checker.check(['a.com']));
    checker.clear();
    expect(checker.peek('a.com')).toBeUndefined();
    await clock.run(checker.check(['a.com']));
    expect(fake.calls).toHaveLength(2);
  });

  it('cacheTtlMs 0 disables the cache', async () => {
    const { clock, fake, checker } = setup({ cacheTtlMs: 0 });
    await clock.run(checker.check(['a.com']));
    await clock.run(checker.check(['a.com']));
    expect(fake.calls).toHaveLength(2);
  });
});

describe('sharing in-flight names', () => {
  it('overlapping checks wait for the request that already carries a name', async () => {
    const gate = deferred<void>();
    const { clock, fake, checker } = setup({
      respond: async (domains) => {
        await gate.promise;
        return domains.map(answerRow);
      },
    });
    const first = checker.check(['a.com', 'b.com', 'c.com']);
    await clock.flush();
    const second = checker.check(['c.com', 'b.com', 'd.com']);
    await clock.flush();
    expect(fake.calls.map((c) => c.domains)).toEqual([['a.com', 'b.com', 'c.com'], ['d.com']]);
    gate.resolve();
    const [r1, r2] = await clock.run(Promise.all([first, second]));
    expect(r1.map((r) => r.domain)).toEqual(['a.com', 'b.com', 'c.com']);
    expect(r2.map((r) => r.domain)).toEqual(['c.com', 'b.com', 'd.com']);
    expect(r2[0]).toBe(r1[2]);
    expect(fake.overlap).toBeUndefined();
  });

  it('a fresh check joins a request already in flight instead of sending the name twice', async () => {
    const { clock, fake, checker } = setup({ latencyMs: 100 });
    const first = checker.check(['a.com']);
    await clock.flush();
    const second = checker.check(['a.com'], { fresh: true });
    const [[r1], [r2]] = await clock.run(Promise.all([first, second]));
    expect(fake.calls).toHaveLength(1);
    expect(r2).toBe(r1);
  });

  it('a name waiting in a queued batch is joined too', async () => {
    const { clock, fake, checker } = setup({ concurrency: 1, batchSize: 1, latencyMs: 100 });
    const first = checker.check(['a.com', 'b.com']);
    await clock.flush();
    expect(fake.calls).toHaveLength(1); // b.com is queued
    const second = checker.check(['b.com']);
    await clock.run(Promise.all([first, second]));
    expect(fake.calls.map((c) => c.domains)).toEqual([['a.com'], ['b.com']]);
  });
});

describe('retries', () => {
  function failingThen(failures: unknown[]): (domains: readonly string[], i: number) => AvailabilityRow[] {
    return (domains, i) => {
      if (i < failures.length) throw failures[i];
      return domains.map(answerRow);
    };
  }

  it('backs off exponentially (500, 1000, 2000 ms) and then succeeds', async () => {
    const error = new PeekerApiError({ status: 503, code: 'server_error', message: 'down' });
    const { clock, fake, checker } = setup({ respond: failingThen([error, error, error]) });
    const rows = await clock.run(checker.check(['a.com']));
    expect(clock.sleeps).toEqual([500, 1000, 2000]);
    expect(fake.calls.map((c) => c.at - START)).toEqual([0, 500, 1500, 3500]);
    expect(rows[0]?.available).toBe(true);
  });

  it('adds 0–1 s of jitter and caps the exponential delay at maxBackoffMs', async () => {
    const error = new PeekerApiError({ status: 500, code: 'server_error', message: 'x' });
    const { clock, checker } = setup({
      retries: 4,
      minBackoffMs: 10_000,
      random: () => 0.5,
      respond: failingThen([error, error, error, error]),
    });
    await clock.run(checker.check(['a.com']));
    expect(clock.sleeps).toEqual([10_500, 20_500, 30_000, 30_000]);
  });

  it('honours retryAfterMs (Peeker 429 retry_after_seconds) plus jitter, even above the cap', async () => {
    const { clock, checker } = setup({
      random: () => 0.25,
      respond: failingThen([rateLimited(12_000), rateLimited(45_000), rateLimited()]),
    });
    const [row] = await clock.run(checker.check(['a.com']));
    expect(clock.sleeps).toEqual([12_250, 45_250, 2_250]);
    expect(row?.available).toBe(true);
  });

  it('treats a non-PeekerError throw as a retryable network failure', async () => {
    const { clock, fake, checker } = setup({ respond: failingThen([new TypeError('fetch failed')]) });
    const [row] = await clock.run(checker.check(['a.com']));
    expect(fake.calls).toHaveLength(2);
    expect(row?.available).toBe(true);
  });

  it('fails a batch at once on a non-retryable error, keeping the other batches', async () => {
    const batchErrors: Array<[string, readonly string[]]> = [];
    const checkerErrors: Array<[string, readonly string[]]> = [];
    const { clock, fake, checker } = setup({
      batchSize: 2,
      onBatchError: (error, domains) => checkerErrors.push([error.code, domains]),
      respond: (domains) => {
        if (domains.includes('c.com')) throw unauthorized();
        return domains.map(answerRow);
      },
    });
    const rows = await clock.run(
      checker.check(['a.com', 'b.com', 'c.com', 'd.com', 'e.com'], {
        onBatchError: (error, domains) => batchErrors.push([error.code, domains]),
      }),
    );
    expect(fake.calls).toHaveLength(3);
    expect(clock.sleeps).toEqual([]);
    expect(rows.map((r) => [r.domain, r.reason ?? 'ok'])).toEqual([
      ['a.com', 'ok'],
      ['b.com', 'ok'],
      ['c.com', 'errored'],
      ['d.com', 'errored'],
      ['e.com', 'ok'],
    ]);
    expect(rows[2]).toEqual({
      domain: 'c.com',
      available: false,
      premium: false,
      reason: 'errored',
      message: 'Invalid API key',
      checked_at: START,
    });
    expect(batchErrors).toEqual([['unauthorized', ['c.com', 'd.com']]]);
    expect(checkerErrors).toEqual([['unauthorized', ['c.com', 'd.com']]]);
  });

  it('a batch that keeps failing yields errored rows after `retries` retries; other rows are kept', async () => {
    const { clock, fake, checker } = setup({
      batchSize: 1,
      retries: 2,
      respond: (domains) => {
        if (domains[0] === 'b.com') throw rateLimited(1000);
        return domains.map(answerRow);
      },
    });
    const errors: PeekerError[] = [];
    const rows = await clock.run(
      checker.check(['a.com', 'b.com', 'c.com'], { onBatchError: (error) => errors.push(error) }),
    );
    expect(fake.calls.filter((c) => c.domains[0] === 'b.com')).toHaveLength(3);
    expect(rows.map((r) => r.reason ?? 'ok')).toEqual(['ok', 'errored', 'ok']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(PeekerApiError);
    expect(errors[0]?.retryAfterMs).toBe(1000);
  });

  it('rejects the check when its onBatchError throws', async () => {
    const { clock, checker } = setup({ respond: () => Promise.reject(unauthorized()) });
    const boom = new Error('handler bug');
    const pending = checker.check(['a.com'], {
      onBatchError: () => {
        throw boom;
      },
    });
    await expect(clock.run(pending)).rejects.toBe(boom);
  });

  it('a transport that throws synchronously is retried like a network failure', async () => {
    let first = true;
    const clock = createVirtualTime();
    const checker = createAvailabilityChecker({
      normalize: testNormalize,
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0,
      transport: ((domains: readonly string[]) => {
        if (first) {
          first = false;
          throw new Error('sync');
        }
        return Promise.resolve(domains.map(answerRow));
      }) as never,
    });
    const [row] = await clock.run(checker.check(['a.com']));
    expect(row?.available).toBe(true);
    expect(clock.sleeps).toEqual([500]);
  });

  it('a transport that resolves with something other than an array fails its batch without retrying', async () => {
    const { clock, fake, checker } = setup({ respond: () => ({ data: [] }) as never });
    const errors: string[] = [];
    const [row] = await clock.run(checker.check(['a.com'], { onBatchError: (e) => errors.push(e.code) }));
    expect(fake.calls).toHaveLength(1);
    expect(row?.reason).toBe('errored');
    expect(errors).toEqual(['invalid_response']);
  });
});

describe('rate budget', () => {
  it('never sends more than maxRequestsPerMinute in any 60 s window', async () => {
    const { clock, fake, checker } = setup({ maxRequestsPerMinute: 5, batchSize: 1, concurrency: 4 });
    const rows = await clock.run(checker.check(names(12)));
    expect(rows).toHaveLength(12);
    const times = fake.calls.map((c) => c.at);
    expect(times).toHaveLength(12);
    for (const t of times) {
      expect(times.filter((u) => u >= t && u < t + 60_000).length).toBeLessThanOrEqual(5);
    }
    expect(times.map((t) => t - START)).toEqual([
      0, 0, 0, 0, 0, 60_000, 60_000, 60_000, 60_000, 60_000, 120_000, 120_000,
    ]);
  });

  it('maxRequestsPerMinute Infinity disables the budget', async () => {
    const { clock, fake, checker } = setup({ maxRequestsPerMinute: Infinity, batchSize: 1, concurrency: 1 });
    await clock.run(checker.check(names(700)));
    expect(fake.calls).toHaveLength(700);
    expect(fake.calls.at(-1)?.at).toBe(START);
  });

  it('counts retries against the budget', async () => {
    const { clock, fake, checker } = setup({
      maxRequestsPerMinute: 2,
      minBackoffMs: 0,
      maxJitterMs: 0,
      respond: (domains, i) => {
        if (i < 2) throw rateLimited(0);
        return domains.map(answerRow);
      },
    });
    await clock.run(checker.check(['a.com']));
    expect(fake.calls.map((c) => c.at - START)).toEqual([0, 0, 60_000]);
  });
});

describe('abort', () => {
  it('rejects at once when the signal is already aborted, sending nothing', async () => {
    const { fake, checker } = setup();
    const reason = new Error('gone');
    await expect(checker.check(['a.com'], { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(fake.calls).toHaveLength(0);
  });

  it('rejects with signal.reason, cancels its requests and sends nothing more', async () => {
    const { clock, fake, checker } = setup({ batchSize: 1, concurrency: 2, latencyMs: 100 });
    const controller = new AbortController();
    const pending = checker.check(names(6), { signal: controller.signal });
    await clock.flush();
    expect(fake.calls).toHaveLength(2);
    const reason = new DOMException('superseded', 'AbortError');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(fake.calls.every((c) => c.signal.aborted)).toBe(true);
    await clock.advance(10 * 60_000);
    expect(fake.calls).toHaveLength(2);
  });

  it('interrupts a backoff wait', async () => {
    const { clock, fake, checker } = setup({
      respond: () => {
        throw rateLimited(30_000);
      },
    });
    const controller = new AbortController();
    const pending = checker.check(['a.com'], { signal: controller.signal });
    await clock.advance(1000);
    expect(clock.sleeps).toEqual([30_000]);
    controller.abort('stop');
    await expect(pending).rejects.toBe('stop');
    await clock.advance(10 * 60_000);
    expect(fake.calls).toHaveLength(1);
  });

  it('interrupts a budget wait', async () => {
    const { clock, fake, checker } = setup({ maxRequestsPerMinute: 1, batchSize: 1 });
    const controller = new AbortController();
    const pending = checker.check(['a.com', 'b.com'], { signal: controller.signal });
    await clock.advance(1000);
    expect(fake.calls).toHaveLength(1);
    controller.abort('stop');
    await expect(pending).rejects.toBe('stop');
    await clock.advance(10 * 60_000);
    expect(fake.calls).toHaveLength(1);
  });

  it('does not cancel a shared request another check still waits for', async () => {
    const { clock, fake, checker } = setup({ latencyMs: 100 });
    const controller = new AbortController();
    const first = checker.check(['a.com', 'b.com'], { signal: controller.signal });
    await clock.flush();
    const second = checker.check(['b.com']);
    controller.abort('first gone');
    await expect(first).rejects.toBe('first gone');
    expect(fake.calls[0]?.signal.aborted).toBe(false);
    const [row] = await clock.run(second);
    expect(row?.domain).toBe('b.com');
    expect(fake.calls).toHaveLength(1);
    // the answer for a.com arrived anyway and was cached
    expect(checker.peek('a.com')?.available).toBe(true);
  });

  it('cancels a shared request once every waiting check aborted; later checks send again', async () => {
    const { clock, fake, checker } = setup({ latencyMs: 100 });
    const c1 = new AbortController();
    const c2 = new AbortController();
    const first = checker.check(['a.com'], { signal: c1.signal });
    const second = checker.check(['a.com'], { signal: c2.signal });
    await clock.flush();
    c1.abort('one');
    expect(fake.calls[0]?.signal.aborted).toBe(false);
    c2.abort('two');
    expect(fake.calls[0]?.signal.aborted).toBe(true);
    await expect(first).rejects.toBe('one');
    await expect(second).rejects.toBe('two');
    const [row] = await clock.run(checker.check(['a.com']));
    expect(row?.available).toBe(true);
    expect(fake.calls).toHaveLength(2);
  });

  it('an abort from inside onProgress stops the check', async () => {
    const { clock, fake, checker } = setup({ batchSize: 1, concurrency: 1 });
    const controller = new AbortController();
    const pending = checker.check(names(5), {
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done === 2) controller.abort('enough');
      },
    });
    await expect(clock.run(pending)).rejects.toBe('enough');
    await clock.advance(60_000);
    expect(fake.calls).toHaveLength(2);
  });
});

describe('progress', () => {
  it('reports cached and invalid rows at once, then each landing, monotone up to total', async () => {
    const { clock, checker } = setup({ batchSize: 2, concurrency: 1 });
    await clock.run(checker.check(['cached.com']));
    const events: CheckProgress[] = [];
    const rows = await clock.run(
      checker.check(['a.com', 'bad name', 'cached.com', 'b.com', 'c.com', 'a.com'], {
        onProgress: (p) => events.push(p),
      }),
    );
    expect(events.map((e) => [e.done, e.total, e.rows.map((r) => r.domain)])).toEqual([
      [2, 5, ['bad name', 'cached.com']],
      [4, 5, ['a.com', 'b.com']],
      [5, 5, ['c.com']],
    ]);
    expect(rows.map((r) => r.domain)).toEqual(['a.com', 'bad name', 'cached.com', 'b.com', 'c.com']);
  });

  it('reports once for an empty check', async () => {
    const { clock, checker } = setup();
    const onProgress = vi.fn();
    expect(await clock.run(checker.check([], { onProgress }))).toEqual([]);
    expect(onProgress).toHaveBeenCalledExactlyOnceWith({ done: 0, total: 0, rows: [] });
  });

  it('rejects the check when onProgress throws', async () => {
    const { clock, checker } = setup();
    const boom = new Error('ui bug');
    const pending = checker.check(['a.com'], {
      onProgress: ({ done }) => {
        if (done === 1) throw boom;
      },
    });
    await expect(clock.run(pending)).rejects.toBe(boom);
  });
});
