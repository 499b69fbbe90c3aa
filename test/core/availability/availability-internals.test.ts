import { describe, expect, it } from 'vitest';
import { abortableSleep, raceAbort } from '../../../packages/core/src/internal/abortable-sleep.ts';
import { anySignal } from '../../../packages/core/src/availability/any-signal.ts';
import { computeBackoff } from '../../../packages/core/src/internal/backoff.ts';
import { createRateBudget } from '../../../packages/core/src/availability/rate-budget.ts';
import { createMemoryRequestBudget } from '../../../packages/core/src/availability/request-budget.ts';
import { createSemaphore } from '../../../packages/core/src/availability/semaphore.ts';
import { createVirtualTime, START } from './fake-environment.ts';

describe('computeBackoff', () => {
  const base = { minBackoffMs: 500, maxBackoffMs: 30_000, factor: 2, maxJitterMs: 1000, retryAfterMs: undefined };
  it.each([
    [0, 0, 500],
    [1, 0, 1000],
    [2, 0.999, 2999],
    [6, 0, 30_000],
    [6, 0.9, 30_000],
    [40, 0, 30_000],
  ])('retry %i with random %f waits %i ms', (retryIndex, r, expected) => {
    expect(computeBackoff({ ...base, retryIndex, random: () => r })).toBe(expected);
  });

  it('uses retryAfterMs plus jitter, uncapped', () => {
    expect(computeBackoff({ ...base, retryIndex: 3, retryAfterMs: 60_000, random: () => 0.5 })).toBe(60_500);
  });

  it('clamps a broken random source', () => {
    expect(computeBackoff({ ...base, retryIndex: 0, random: () => Number.NaN })).toBe(500);
    expect(computeBackoff({ ...base, retryIndex: 0, random: () => 7 })).toBe(1500);
  });
});

describe('createRateBudget', () => {
  it('lets `limit` sends through per window and waits for the oldest to expire', async () => {
    const clock = createVirtualTime();
    const budget = createRateBudget({ store: createMemoryRequestBudget({ now: clock.now }), key: 'k', limit: 2, windowMs: 1000, sleep: clock.sleep });
    const signal = new AbortController().signal;
    const times: number[] = [];
    await clock.run(
      Promise.all(
        Array.from({ length: 5 }, async () => {
          await budget.acquire(signal);
          times.push(clock.now() - START);
        }),
      ),
    );
    expect(times).toEqual([0, 0, 1000, 1000, 2000]);
  });

  it('records nothing when the wait is aborted', async () => {
    const clock = createVirtualTime();
    const budget = createRateBudget({ store: createMemoryRequestBudget({ now: clock.now }), key: 'k', limit: 1, windowMs: 1000, sleep: clock.sleep });
    await budget.acquire(new AbortController().signal);
    const controller = new AbortController();
    const waiting = budget.acquire(controller.signal);
    controller.abort('stop');
    await expect(waiting).rejects.toBe('stop');
    await clock.advance(1000);
    await budget.acquire(new AbortController().signal); // only the first send counted
    expect(clock.now() - START).toBe(1000);
  });
});

describe('createSemaphore', () => {
  it('grants in order and removes aborted waiters from the queue', async () => {
    const semaphore = createSemaphore(1);
    const never = new AbortController().signal;
    const release = await semaphore.acquire(never);
    const order: string[] = [];
    const aborting = new AbortController();
    const a = semaphore.acquire(aborting.signal).then(() => order.push('aborted one'));
    const b = semaphore.acquire(never).then((r) => {
      order.push('b');
      r();
    });
    aborting.abort('gone');
    await expect(a).rejects.toBe('gone');
    expect(semaphore.active).toBe(1);
    release();
    release(); // a second call is ignored
    await b;
    expect(order).toEqual(['b']);
    expect(semaphore.active).toBe(0);
  });
});

describe('anySignal', () => {
  it.each([
    ['native', undefined as 'fallback' | undefined],
    ['fallback', 'fallback' as const],
  ])('%s: aborts with the first reason', (_label, mode) => {
    const a = new AbortController();
    const b = new AbortController();
    const linked = mode === 'fallback' ? anySignal([a.signal, b.signal], undefined) : anySignal([a.signal, b.signal]);
    expect(linked.signal.aborted).toBe(false);
    b.abort('b first');
    a.abort('a later');
    expect(linked.signal.aborted).toBe(true);
    expect(linked.signal.reason).toBe('b first');
    linked.dispose();
  });

  it('fallback: starts aborted when an input already is', () => {
    const linked = anySignal([new AbortController().signal, AbortSignal.abort('early')], undefined);
    expect(linked.signal.reason).toBe('early');
  });
});

describe('abortableSleep and raceAbort', () => {
  it('sleep rejects with the reason when aborted', async () => {
    const controller = new AbortController();
    const pending = abortableSleep(60_000, controller.signal);
    controller.abort('cancelled');
    await expect(pending).rejects.toBe('cancelled');
    await expect(abortableSleep(0)).resolves.toBeUndefined();
  });

  it('raceAbort stops waiting on abort and passes results through otherwise', async () => {
    const controller = new AbortController();
    const pending = raceAbort(new Promise(() => undefined), controller.signal);
    controller.abort('x');
    await expect(pending).rejects.toBe('x');
    await expect(raceAbort(Promise.resolve(3), new AbortController().signal)).resolves.toBe(3);
    await expect(raceAbort(Promise.reject(new Error('e')), new AbortController().signal)).rejects.toThrow('e');
  });
});
