/**
 * `<peeker-order-status>` in real Chromium against a real `createOrderEventsHandler` over
 * HTTP (the `orderBackend` browser command): the stream is authorised by the order's token,
 * events are shown once each, the progress bar counts connected domains, the live region
 * announces each change of state, and failures are alerts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { server } from 'vitest/browser';
import { deMessages, PeekerOrderStatus } from '@peeker/elements';
import '@peeker/elements/define/peeker-order-status.js';
import type { WebhookEvent } from '@peeker/core';
import { expectNoAxeViolations } from './fixtures.ts';

declare module 'vitest/browser' {
  interface BrowserCommands {
    orderBackend: (request: Record<string, unknown>) => Promise<unknown>;
  }
}

let base = '';
let seq = 0;

const backend = (request: Record<string, unknown>) => server.commands.orderBackend({ ...request, suite: 'order-status' });

async function publish(event: WebhookEvent): Promise<void> {
  await backend({ op: 'publish', event });
}

/** A fresh order id per test, so histories never mix. */
function nextOrder(): string {
  seq += 1;
  return `ord_status${Date.now().toString(36)}${seq}`;
}

async function mountStatus(orderId: string, token?: string): Promise<PeekerOrderStatus> {
  const element = document.createElement('peeker-order-status');
  element.endpoint = `${base}/events`;
  element.orderId = orderId;
  element.token = token ?? ((await backend({ op: 'token', orderId })) as string);
  document.body.append(element);
  await element.updateComplete;
  return element;
}

const root = (el: PeekerOrderStatus): ShadowRoot => el.shadowRoot!;
const headline = (el: PeekerOrderStatus): string => root(el).querySelector('[part="headline"]')?.textContent?.trim() ?? '';
const live = (el: PeekerOrderStatus): string => root(el).querySelector('[role="status"]')?.textContent?.trim() ?? '';
const progress = (el: PeekerOrderStatus): HTMLProgressElement | null => root(el).querySelector('progress');
const lines = (el: PeekerOrderStatus): string[] => [...root(el).querySelectorAll('.timeline li')].map((li) => li.textContent?.trim() ?? '');

beforeAll(async () => {
  base = ((await backend({ op: 'start' })) as { url: string }).url;
});

afterEach(() => document.body.replaceChildren());
afterAll(async () => {
  await backend({ op: 'stop' });
});

describe('<peeker-order-status>', () => {
  it('has no axe violations while an order is in progress', async () => {
    const id = nextOrder();
    await publish({ id: `evt_${id}_1`, type: 'order.in_progress', data: { id, status: 'in_progress', domain_count: 3 } });
    const element = await mountStatus(id);
    await expect.poll(() => lines(element).length).toBe(1);
    await expectNoAxeViolations(element);
  });

  it('shows order.in_progress → domain.connected × n → order.completed with progress and announcements', async () => {
    const id = nextOrder();
    const element = await mountStatus(id);
    await expect.poll(() => element.matches(':state(live)')).toBe(true);
    expect(headline(element)).toBe(`Order ${id}: waiting for the first update…`);

    await publish({ id: `evt_${id}_a`, type: 'order.in_progress', data: { id, status: 'in_progress', domain_count: 3 } });
    await expect.poll(() => headline(element)).toBe(`Order ${id} accepted: setting up domains and inboxes…`);
    expect(live(element)).toBe(headline(element));
    expect(progress(element)?.max).toBe(3);
    expect(progress(element)?.value).toBe(0);

    for (const [i, domain] of ['getacme.com', 'acmehq.com'].entries()) {
      await publish({ id: `evt_${id}_d${i}`, type: 'domain.connected', data: { order_id: id, domain, status: 'active' } });
    }
    // a webhook retry: the same event id again is shown once
    await publish({ id: `evt_${id}_d0`, type: 'domain.connected', data: { order_id: id, domain: 'getacme.com' } });
    await expect.poll(() => progress(element)?.value).toBe(2);
    expect(root(element).querySelector('#progress-text')?.textContent).toBe('2 of 3 domains connected');

    await publish({ id: `evt_${id}_d2`, type: 'domain.connected', data: { order_id: id, domain: 'acme-mail.com' } });
    await publish({ id: `evt_${id}_z`, type: 'order.completed', data: { id, status: 'completed', domain_count: 3 } });
    await expect.poll(() => element.matches(':state(completed)')).toBe(true);
    expect(headline(element)).toBe(`Order ${id} completed: every domain and inbox is live.`);
    expect(live(element)).toBe(headline(element));
    expect(progress(element)?.value).toBe(3);
    expect(lines(element)).toEqual([
      `Order ${id} accepted: setting up domains and inboxes…`,
      'getacme.com connected',
      'acmehq.com connected',
      'acme-mail.com connected',
      `Order ${id} completed: every domain and inbox is live.`,
    ]);
    // the stream ended with the order: no live connection any more
    await expect.poll(() => element.matches(':state(live)')).toBe(false);
  });

  it('shows earlier events first (webhooks that landed before the page connected), and only this order’s', async () => {
    const id = nextOrder();
    const other = nextOrder();
    await publish({ id: `evt_${id}_1`, type: 'order.in_progress', data: { id, status: 'in_progress' } });
    await publish({ id: `evt_${other}_1`, type: 'order.in_progress', data: { id: other, status: 'in_progress' } });
    await publish({ id: `evt_${id}_2`, type: 'domain.connected', data: { order_id: id, domain: 'getacme.com' } });
    const element = await mountStatus(id);
    await expect.poll(() => lines(element)).toEqual([`Order ${id} accepted: setting up domains and inboxes…`, 'getacme.com connected']);
    expect(element.receivedEvents.map((e) => e.order_id)).toEqual([id, id]);
  });

  it('announces a failure as an alert with Peeker’s reason', async () => {
    const id = nextOrder();
    const element = await mountStatus(id);
    await publish({ id: `evt_${id}_1`, type: 'order.in_progress', data: { id, status: 'in_progress' } });
    await publish({ id: `evt_${id}_2`, type: 'order.failed', data: { id, status: 'failed', reason: 'registrar_unavailable' } });
    await expect.poll(() => element.matches(':state(failed)')).toBe(true);
    const alert = root(element).querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('registrar_unavailable');
    expect(live(element)).toBe(''); // announced once, by the alert
  });

  it('says so when the stream is refused (a token of another order)', async () => {
    const id = nextOrder();
    const wrong = (await backend({ op: 'token', orderId: nextOrder() })) as string;
    const element = await mountStatus(id, wrong);
    await expect.poll(() => root(element).querySelector('[data-connection]')?.textContent).toBe('Live updates are not available for this order.');
    expect(element.receivedEvents).toEqual([]);
  });

  it('speaks the messages it is given (German)', async () => {
    const id = nextOrder();
    await publish({ id: `evt_${id}_1`, type: 'order.in_progress', data: { id, status: 'in_progress', domain_count: 2 } });
    await publish({ id: `evt_${id}_2`, type: 'domain.connected', data: { order_id: id, domain: 'getacme.com' } });
    const element = document.createElement('peeker-order-status');
    element.messages = deMessages;
    element.endpoint = `${base}/events`;
    element.orderId = id;
    element.token = (await backend({ op: 'token', orderId: id })) as string;
    document.body.append(element);
    await expect.poll(() => root(element).querySelector('#progress-text')?.textContent).toBe('1 von 2 Domains verbunden');
    expect(lines(element)).toContain('getacme.com verbunden');
  });
});
