/**
 * End to end: the real demo (Vite dev server with the sandbox and `@peeker/core/server`'s
 * availability, order, order-events and webhook handlers inside it) driven in real Chromium.
 * Nothing is mocked. Journeys: a brand to a completed order followed live; the same brand
 * twice (the names bought the first time are taken the second: the picker must end with a
 * completed order on other names, through an explicit "taken: here are replacements" step if
 * the server found them, never "confirmed" followed by a rejection); a corrected brand never
 * orders a name of the misspelled one; a double press of Confirm sends one order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import { startDemo, type RunningDemo } from './demo-server.ts';

let demo: RunningDemo;
let browser: Browser;
let origin: string;

interface Placed {
  orderId: string;
  domains: string[];
}

/** Opens the demo and records what the page sees: placed orders, notices over time, page errors. */
async function openDemo(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    const w = window as unknown as { placed: unknown[]; noticeLog: string[] };
    w.placed = [];
    w.noticeLog = [];
    document.addEventListener('peeker-order-placed', (event) => {
      const picker = event.target as HTMLElement & { value: string[] };
      w.placed.push({ orderId: (event as CustomEvent).detail.orderId, domains: picker.value });
    });
    // Every notice the picker ever shows, to prove "confirmed" never precedes a rejection.
    customElements.whenDefined('peeker-domain-picker').then(() => {
      const picker = document.querySelector('peeker-domain-picker');
      if (picker?.shadowRoot) {
        new MutationObserver(() => {
          const text = [...picker.shadowRoot!.querySelectorAll('.notices .notice, [data-role="review"]')].map((n) => n.textContent?.replace(/\s+/g, ' ').trim()).join(' | ');
          if (text && w.noticeLog.at(-1) !== text) w.noticeLog.push(text);
        }).observe(picker.shadowRoot, { subtree: true, childList: true, characterData: true });
      }
    });
  });
  await page.goto(origin);
  await expect.poll(() => page.locator('#bundle-line').textContent(), { timeout: 30_000 }).toContain('15 Google, 4 Microsoft');
  return { page, errors };
}

const settle = (page: Page) =>
  page.locator('peeker-domain-picker').evaluate((el) => (el as unknown as { checksComplete: Promise<unknown> }).checksComplete);

async function fillFor(page: Page, brand: string): Promise<string[]> {
  await page.locator('peeker-domain-picker #brand').fill(brand);
  await page.locator('peeker-domain-picker [data-action="fill"]:not([disabled])').waitFor({ timeout: 60_000 });
  await settle(page);
  await page.locator('peeker-domain-picker [data-action="fill"]').click();
  await settle(page);
  return page.locator('peeker-domain-picker').evaluate((el) => (el as unknown as { value: string[] }).value);
}

const placed = (page: Page) => page.evaluate(() => (window as unknown as { placed: Placed[] }).placed);
const noticeLog = (page: Page) => page.evaluate(() => (window as unknown as { noticeLog: string[] }).noticeLog);
const statusHeadline = (page: Page) => page.locator('peeker-order-status [part="headline"]').textContent();

beforeAll(async () => {
  demo = await startDemo();
  ({ origin, browser } = demo);
}, 120_000);

afterAll(async () => {
  await demo?.close();
});

describe('the demo in Chromium', () => {
  it('picks the cheapest valid set, places the order and follows it live to order.completed', async () => {
    const { page, errors } = await openDemo();
    const chosen = await fillFor(page, 'acme');
    expect(chosen).toHaveLength(19);

    await page.locator('peeker-domain-picker [data-action="confirm"]').click();
    await expect.poll(() => placed(page), { timeout: 30_000 }).toHaveLength(1);
    const [order] = await placed(page);
    expect(order!.domains).toEqual(chosen);
    await expect.poll(() => page.locator('peeker-domain-picker').evaluate((el) => el.matches(':state(confirmed)'))).toBe(true);
    expect((await noticeLog(page)).join(' ')).toContain(`Order confirmed (${order!.orderId})`);
    // Focus stays in the picker (on its confirmation), never on <body>.
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('peeker-domain-picker');

    // The order's signed webhooks, verified by the backend, streamed to <peeker-order-status>.
    await expect.poll(() => statusHeadline(page), { timeout: 30_000 }).toContain('completed');
    const types = await page.locator('peeker-order-status').evaluate((el) =>
      (el as unknown as { receivedEvents: { type: string }[] }).receivedEvents.map((e) => e.type),
    );
    expect(types).toContain('order.in_progress');
    expect(types.filter((t) => t === 'domain.connected')).toHaveLength(19);
    expect(await page.locator('peeker-order-status progress').evaluate((p) => (p as HTMLProgressElement).value)).toBe(19);

    // The page never saw a secret.
    const html = await page.content();
    expect(html).not.toContain('demo-smartlead-password');
    expect(html).not.toContain('pk_test_');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('quokka twice: the second order completes on other names, never "confirmed" then rejected', async () => {
    const first = await openDemo();
    const bought = await fillFor(first.page, 'quokka');
    await first.page.locator('peeker-domain-picker [data-action="confirm"]').click();
    await expect.poll(() => placed(first.page), { timeout: 30_000 }).toHaveLength(1);
    await expect.poll(() => statusHeadline(first.page), { timeout: 30_000 }).toContain('completed');
    await first.page.close();

    // Reload: the same brand again. The list comes from the server's cache (the bought names
    // look available there); the fresh re-checks find them taken.
    const second = await openDemo();
    const again = await fillFor(second.page, 'quokka');
    expect(again.some((d) => bought.includes(d))).toBe(true);
    await second.page.locator('peeker-domain-picker [data-action="confirm"]').click();
    await settle(second.page);
    const review = second.page.locator('peeker-domain-picker [data-role="review"]');
    expect(await placed(second.page)).toHaveLength(0);
    const reviewText = (await review.textContent())!.replace(/\s+/g, ' ');
    // Either the browser's fresh re-check or the server's (409) found the bought names taken.
    expect(reviewText).toMatch(/Some names changed since they were checked|These names were taken since they were checked/);
    expect(reviewText).toMatch(/is Taken now; replaced with/i);
    for (const name of bought.filter((d) => again.includes(d))) expect(reviewText).toContain(name);
    expect((await noticeLog(second.page)).join(' ')).not.toMatch(/confirmed/i);

    await second.page.locator('peeker-domain-picker [data-action="confirm-again"]').click();
    await expect.poll(() => placed(second.page), { timeout: 30_000 }).toHaveLength(1);
    const [order] = await placed(second.page);
    expect(order!.domains).toHaveLength(19);
    expect(order!.domains.filter((d) => bought.includes(d))).toEqual([]);
    await expect.poll(() => statusHeadline(second.page), { timeout: 30_000 }).toContain('completed');
    // Nothing said "not placed" or "confirmed" before the real confirmation.
    const log = await noticeLog(second.page);
    const firstConfirmed = log.findIndex((t) => /Order confirmed/.test(t));
    expect(log.slice(0, firstConfirmed).join(' ')).not.toMatch(/confirmed|not placed/i);
    expect(second.errors).toEqual([]);
    await second.page.close();
  }, 180_000);

  it('a corrected brand: the order holds no name generated for the misspelled one', async () => {
    const { page, errors } = await openDemo();
    const typo = await fillFor(page, 'Blue Rvier Labs');
    expect(typo.filter((d) => d.includes('rvier')).length).toBeGreaterThan(0);
    const fixed = await fillFor(page, 'Blue River Labs');
    expect(fixed).toHaveLength(19);
    expect(fixed.filter((d) => d.includes('rvier'))).toEqual([]);
    await page.locator('peeker-domain-picker [data-action="confirm"]').click();
    await expect.poll(() => placed(page), { timeout: 30_000 }).toHaveLength(1);
    const [order] = await placed(page);
    expect(order!.domains.filter((d) => d.includes('rvier'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('a double press of Confirm sends one order', async () => {
    const { page, errors } = await openDemo();
    await fillFor(page, 'wombat');
    await page.locator('peeker-domain-picker').evaluate((el) => {
      const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="confirm"]')!;
      button.click();
      button.click();
    });
    await expect.poll(() => placed(page), { timeout: 30_000 }).toHaveLength(1);
    await settle(page);
    expect(await page.locator('peeker-domain-picker [data-action="confirm"]').isDisabled()).toBe(true);
    await expect.poll(() => statusHeadline(page), { timeout: 30_000 }).toContain('completed');
    expect(await placed(page)).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
