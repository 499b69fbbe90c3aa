/**
 * The demo page: configures the picker from the demo backend. The picker posts the confirmed
 * draft to the partner's order endpoint itself (`order-endpoint`), and `<peeker-order-status>`
 * follows the placed order through its verified webhooks. No glue beyond wiring the two.
 */
import '@peeker/elements/define/peeker-domain-picker.js';
import '@peeker/elements/define/peeker-order-status.js';
import type { Bundle, OrderDraft } from '@peeker/core';

interface DemoConfig {
  bundle: Bundle;
  order: Omit<OrderDraft, 'domains'>;
}

const picker = document.querySelector('peeker-domain-picker')!;
const status = document.querySelector('peeker-order-status')!;
const bundleLine = document.querySelector<HTMLElement>('#bundle-line')!;
const orderPanel = document.querySelector<HTMLElement>('#order-panel')!;

async function main(): Promise<void> {
  const config = (await (await fetch('/api/config')).json()) as DemoConfig;
  const { google, microsoft, total } = config.bundle.required_domains;
  bundleLine.textContent = `${config.bundle.name}: ${total} domains — ${google} Google, ${microsoft} Microsoft.`;
  picker.bundle = config.bundle;
  picker.order = config.order;

  // The order endpoint accepted the order: follow it live with the receipt's token.
  picker.addEventListener('peeker-order-placed', (event) => {
    status.total = event.detail.domainCount;
    status.token = event.detail.eventsToken ?? '';
    status.orderId = event.detail.orderId;
    orderPanel.hidden = false;
  });
}

main().catch((error: unknown) => {
  bundleLine.textContent = `The demo backend did not answer: ${String(error)}`;
});
