/**
 * The demo page: configures the picker from the demo backend, places the order when the
 * customer confirms, and shows the signed webhooks the backend verified, as they arrive.
 */
import '@peeker/elements/define/peeker-domain-picker.js';
import type { Bundle, OrderDraft } from '@peeker/core';

interface DemoConfig {
  bundle: Bundle;
  order: Omit<OrderDraft, 'domains'>;
}

interface RelayedEvent {
  id: string;
  type: string;
  data: { id?: string; domain?: string; status?: string; [key: string]: unknown };
}

const picker = document.querySelector('peeker-domain-picker')!;
const bundleLine = document.querySelector<HTMLElement>('#bundle-line')!;
const orderPanel = document.querySelector<HTMLElement>('#order-panel')!;
const orderStatus = document.querySelector<HTMLElement>('#order-status')!;
const timeline = document.querySelector<HTMLOListElement>('#timeline')!;

let currentOrderId: string | null = null;
const pendingEvents: RelayedEvent[] = [];

function describeEvent(event: RelayedEvent): string {
  const data = event.data;
  if (event.type === 'domain.connected') return `${data.domain ?? data.id ?? 'a domain'} connected`;
  if (event.type === 'order.completed') return 'every domain and inbox is live';
  if (event.type === 'order.in_progress') return 'order accepted, provisioning started';
  return data.status ? `status ${data.status}` : '';
}

function orderIdOf(event: RelayedEvent): string | undefined {
  const data = event.data as { id?: string; order_id?: string; order?: { id?: string } };
  if (event.type.startsWith('order.')) return data.order?.id ?? data.id;
  return data.order_id;
}

function showEvent(event: RelayedEvent): void {
  const id = orderIdOf(event);
  if (currentOrderId === null || (id !== undefined && id !== currentOrderId)) {
    if (currentOrderId === null) pendingEvents.push(event);
    return;
  }
  const item = document.createElement('li');
  item.dataset.type = event.type;
  const type = document.createElement('code');
  type.textContent = event.type;
  item.append(type, ` ${describeEvent(event)}`);
  timeline.append(item);
  if (event.type === 'order.completed') orderStatus.textContent = `Order ${currentOrderId} completed.`;
}

async function main(): Promise<void> {
  const config = (await (await fetch('/api/config')).json()) as DemoConfig;
  const { google, microsoft, total } = config.bundle.required_domains;
  bundleLine.textContent = `${config.bundle.name}: ${total} domains — ${google} Google, ${microsoft} Microsoft.`;
  picker.bundle = config.bundle;
  picker.order = config.order;

  const events = new EventSource('/api/events');
  events.onmessage = (message) => showEvent(JSON.parse(message.data as string) as RelayedEvent);

  picker.addEventListener('peeker-order-ready', async (event) => {
    orderPanel.hidden = false;
    timeline.replaceChildren();
    orderStatus.textContent = 'Placing the order…';
    const response = await fetch('/api/orders', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ order: event.detail.order }),
    });
    const body = (await response.json()) as { data?: { id: string; status: string }; error?: { message: string } };
    if (!response.ok || !body.data) {
      orderStatus.textContent = `The order was not placed: ${body.error?.message ?? response.statusText}`;
      return;
    }
    currentOrderId = body.data.id;
    orderStatus.textContent = `Order ${body.data.id} is ${body.data.status.replace('_', ' ')}…`;
    for (const early of pendingEvents.splice(0)) showEvent(early);
  });
}

main().catch((error: unknown) => {
  bundleLine.textContent = `The demo backend did not answer: ${String(error)}`;
});
