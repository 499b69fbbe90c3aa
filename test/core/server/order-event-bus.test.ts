/**
 * The in-memory order event bus and the browser's view of a webhook event: which order an
 * event belongs to (both payload shapes), what is relayed (never the raw payload), history
 * for late subscribers, webhook retries shown once, and the bounds.
 */
import { describe, expect, it } from 'vitest';
import type { WebhookEvent } from '@peeker/core';
import { createMemoryOrderEventBus, toOrderStatusEvent, type OrderStatusEvent } from '@peeker/core/server';

const event = (id: string, type: string, data: Record<string, unknown>): WebhookEvent => ({ id, type, created_at: '2026-05-08T12:00:00Z', data });

describe('toOrderStatusEvent', () => {
  it.each([
    ['order event, current shape', event('evt_1', 'order.in_progress', { id: 'ord_1', status: 'in_progress', domain_count: 19 }), 'ord_1'],
    ['order event, older nesting', event('evt_2', 'order.completed', { order: { id: 'ord_2', status: 'completed' } }), 'ord_2'],
    ['domain event', event('evt_3', 'domain.connected', { id: 'dom_1', domain: 'getacme.com', order_id: 'ord_3' }), 'ord_3'],
  ])('finds the order of an %s', (_, input, orderId) => {
    expect(toOrderStatusEvent(input)?.order_id).toBe(orderId);
  });

  it.each([
    ['a swap event', event('evt_4', 'swap.completed', { id: 'swp_1' })],
    ['an order event without an order id', event('evt_5', 'order.completed', { id: 'usr_1' })],
    ['a domain event of no order', event('evt_6', 'domain.forwarding_updated', { domain: 'getacme.com' })],
  ])('ignores %s', (_, input) => {
    expect(toOrderStatusEvent(input)).toBeNull();
  });

  it('relays only the listed non-secret fields, never the raw payload', () => {
    const relayed = toOrderStatusEvent(
      event('evt_7', 'order.completed', {
        id: 'ord_7',
        status: 'completed',
        domain_count: 2,
        costs: { total_cents: 6800 },
        user_id: 'usr_1',
        email: 'client@example.com',
        sequencer: { login_password: 'secret' },
      }),
    );
    expect(relayed).toEqual({
      id: 'evt_7',
      type: 'order.completed',
      created_at: '2026-05-08T12:00:00Z',
      order_id: 'ord_7',
      status: 'completed',
      domain: null,
      domain_count: 2,
      reason: null,
    });
  });
});

describe('createMemoryOrderEventBus', () => {
  const status = (id: string, orderId = 'ord_1'): OrderStatusEvent => toOrderStatusEvent(event(id, 'domain.connected', { order_id: orderId, domain: `${id}.com` }))!;

  it('gives a late subscriber the history, then live events; a retry of one event id is delivered once', async () => {
    const bus = createMemoryOrderEventBus();
    await bus.publish(status('evt_a'));
    const seen: string[] = [];
    const { history, unsubscribe } = await bus.subscribe('ord_1', (e) => seen.push(e.id));
    expect(history.map((e) => e.id)).toEqual(['evt_a']);
    await bus.publish(status('evt_b'));
    await bus.publish(status('evt_b'));
    await bus.publish(status('evt_c', 'ord_other'));
    expect(seen).toEqual(['evt_b']);
    unsubscribe();
    await bus.publish(status('evt_d'));
    expect(seen).toEqual(['evt_b']);
  });

  it('keeps at most maxEventsPerOrder events per order and maxOrders orders', async () => {
    const bus = createMemoryOrderEventBus({ maxOrders: 2, maxEventsPerOrder: 3 });
    for (const id of ['e1', 'e2', 'e3', 'e4']) await bus.publish(status(id));
    expect((await bus.subscribe('ord_1', () => undefined)).history.map((e) => e.id)).toEqual(['e2', 'e3', 'e4']);
    await bus.publish(status('x1', 'ord_2'));
    await bus.publish(status('y1', 'ord_3')); // ord_1 is the least recently published: dropped
    expect((await bus.subscribe('ord_1', () => undefined)).history).toEqual([]);
    expect((await bus.subscribe('ord_3', () => undefined)).history).toHaveLength(1);
  });

  it('one failing listener does not stop the others', async () => {
    const bus = createMemoryOrderEventBus();
    const seen: string[] = [];
    await bus.subscribe('ord_1', () => {
      throw new Error('a broken stream');
    });
    await bus.subscribe('ord_1', (e) => seen.push(e.id));
    await bus.publish(status('evt_z'));
    expect(seen).toEqual(['evt_z']);
  });

  it.each([0, -1, 1.5, '10'])('refuses maxOrders %j with a TypeError', (value) => {
    expect(() => createMemoryOrderEventBus({ maxOrders: value as number })).toThrow(TypeError);
  });
});
