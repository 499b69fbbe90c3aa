/**
 * `<peeker-domain-picker order-endpoint>` in real Chromium against a real `createOrderHandler`
 * over HTTP (the `orderBackend` browser command): "confirmed" only once the server accepted
 * the order; names taken since the check come back as a review of the server's replacements
 * with the cost difference, and only a second confirmation orders them; one order per
 * confirmation however often Confirm is pressed; focus never drops to <body>.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { server } from 'vitest/browser';
import { PeekerOrderPlacedEvent, type PeekerDomainPicker } from '@peeker/elements';
import { expectNoAxeViolations, fakeRow, mount } from './fixtures.ts';

declare module 'vitest/browser' {
  interface BrowserCommands {
    orderBackend: (request: Record<string, unknown>) => Promise<unknown>;
  }
}

interface BackendState {
  orders: { id: string; domains: string[] }[];
  bodies: { order: { domains: string[] }; alternates: string[]; cost: { total_cents: number } }[];
}

const ATTRS = { 'required-google': '15', 'required-microsoft': '4' };
const ORDER = {
  user: 'client@example.com',
  bundle_id: 'bun_01HZX0BU1A2B3C4D5E6F7G8H',
  forwarding_url: 'https://acme.com',
  personas: [{ first_name: 'Sam', last_name: 'Lee' }],
};

let base = '';
const backend = (request: Record<string, unknown>) => server.commands.orderBackend({ ...request, suite: 'order-endpoint' });
const state = async (): Promise<BackendState> => (await backend({ op: 'state' })) as BackendState;

async function mountWithEndpoint(path = '/orders') {
  const mounted = await mount({ ...ATTRS, 'order-endpoint': `${base}${path}` });
  mounted.element.order = ORDER;
  await mounted.harness.typeBrand('acme');
  await mounted.harness.press('fill');
  return mounted;
}

/** The focused element inside the picker's shadow root (never <body>). */
const focused = (element: PeekerDomainPicker): Element | null => element.shadowRoot!.activeElement;

// A new backend per test: the handler replays receipts of identical drafts, and every test
// confirms the same cheapest selection.
beforeEach(async () => {
  base = ((await backend({ op: 'start' })) as { url: string }).url;
});

afterEach(() => document.body.replaceChildren());

afterAll(async () => {
  await backend({ op: 'stop' });
});

describe('<peeker-domain-picker order-endpoint>', () => {
  it('posts the draft itself and says "confirmed" only once the server accepted the order', async () => {
    const { element, harness } = await mountWithEndpoint();
    const placed: PeekerOrderPlacedEvent[] = [];
    element.addEventListener('peeker-order-placed', (e) => placed.push(e));
    const chosen = harness.selectedDomains();
    await harness.press('confirm');
    const { orders, bodies } = await state();
    expect(orders).toHaveLength(1);
    expect([...orders[0]!.domains].sort()).toEqual(chosen);
    expect(bodies[0]!.alternates.length).toBeGreaterThan(0);
    expect(bodies[0]!.alternates.some((d) => chosen.includes(d))).toBe(false);
    expect(JSON.stringify(bodies[0])).not.toMatch(/sequencer|password/);
    expect(placed).toHaveLength(1);
    expect(placed[0]!.detail.orderId).toBe(orders[0]!.id);
    expect(placed[0]!.detail.eventsToken).toMatch(/^\d+\./);
    expect(harness.notices().join(' ')).toContain(`Order confirmed (${orders[0]!.id})`);
    expect(element.matches(':state(confirmed)')).toBe(true);
    expect(harness.button('confirm')?.disabled).toBe(true);
    expect(focused(element)?.getAttribute('data-role')).toBe('flow-notice');
  });

  it('sends one order however often Confirm is pressed', async () => {
    const { element, harness } = await mountWithEndpoint();
    const button = harness.button('confirm')!;
    button.click();
    button.click();
    button.click();
    await element.checksComplete;
    harness.button('confirm')?.click();
    await element.checksComplete;
    expect((await state()).orders).toHaveLength(1);
  });

  it('turns names taken since the check into a review of the server’s replacements, ordered only after a second confirmation', async () => {
    const { element, harness } = await mountWithEndpoint();
    const chosen = harness.selectedDomains();
    const lost = chosen.find((d) => !fakeRow(d).usable_for?.includes('microsoft')) ?? chosen[0]!;
    // Taken between the browser's re-check and the order: only the server sees it.
    await backend({ op: 'markTaken', domains: [lost] });
    const notices: string[][] = [];
    const observer = new MutationObserver(() => notices.push(harness.notices()));
    observer.observe(element.shadowRoot!, { subtree: true, childList: true, characterData: true });
    await harness.press('confirm');
    observer.disconnect();

    expect((await state()).orders).toHaveLength(0);
    expect(notices.flat().join(' ')).not.toMatch(/confirmed/i);
    const review = harness.reviewText();
    expect(review).toContain('These names were taken since they were checked. Here are replacements:');
    expect(review).toMatch(new RegExp(`${lost.replace(/\./g, '\\.')} is Taken now; replaced with \\S+`, 'i'));
    const added = harness.selectedDomains().filter((d) => !chosen.includes(d));
    expect(added).toHaveLength(1);
    expect(harness.selectedDomains()).not.toContain(lost);
    const extra = (fakeRow(added[0]!).price_cents ?? 0) - (fakeRow(lost).price_cents ?? 0);
    const difference = element.shadowRoot!.querySelector('[data-role="cost-difference"]')?.textContent ?? '';
    if (extra === 0) expect(difference).toBe('The new selection costs the same.');
    else expect(difference).toBe(`The new selection costs $${(Math.abs(extra) / 100).toFixed(2)} ${extra > 0 ? 'more' : 'less'}.`);
    expect(focused(element)?.getAttribute('data-role')).toBe('review');
    await expectNoAxeViolations(element);

    await harness.press('confirm-again');
    const { orders } = await state();
    expect(orders).toHaveLength(1);
    expect(orders[0]!.domains).not.toContain(lost);
    expect(orders[0]!.domains).toContain(added[0]);
    expect(element.matches(':state(confirmed)')).toBe(true);
  });

  it('posts nothing when the host cancels peeker-order-ready, or when the order fields are missing', async () => {
    const { element, harness } = await mountWithEndpoint();
    element.addEventListener('peeker-order-ready', (e) => e.preventDefault(), { once: true });
    await harness.press('confirm');
    expect(element.matches(':state(confirmed)')).toBe(false);
    element.order = null;
    await element.updateComplete;
    await harness.press('confirm');
    expect(harness.notices().join(' ')).toContain('The order details are incomplete or wrong: order.');
    expect((await state()).bodies).toHaveLength(0);
    expect(element.matches(':state(confirmed)')).toBe(false);
  });

  it('keeps the selection and says why when the endpoint fails; Confirm then re-sends the same draft', async () => {
    const { element, harness } = await mountWithEndpoint('/missing');
    const errors: Event[] = [];
    element.addEventListener('peeker-error', (e) => errors.push(e));
    const chosen = harness.selectedDomains();
    await harness.press('confirm');
    expect(harness.notices().join(' ')).toContain('The order was not placed');
    expect(element.matches(':state(confirmed)')).toBe(false);
    expect(errors).toHaveLength(1);
    expect(harness.selectedDomains()).toEqual(chosen);
    expect(focused(element)).not.toBeNull();
    element.orderEndpoint = `${base}/orders`;
    await element.updateComplete;
    await harness.press('confirm');
    expect((await state()).orders).toHaveLength(1);
    expect(element.matches(':state(confirmed)')).toBe(true);
  });
});
