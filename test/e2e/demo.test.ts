/**
 * End to end: the real demo (Vite dev server with the sandbox, the availability handler,
 * the order backend and the webhook receiver inside it) driven in real Chromium, from a
 * brand to `order.completed`. Nothing is mocked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright';
import { createServer, type ViteDevServer } from 'vite';
import { fileURLToPath } from 'node:url';
import { chromiumArgs } from '../../vitest.config.ts';

const demoRoot = fileURLToPath(new URL('../../demo/', import.meta.url));

let server: ViteDevServer;
let browser: Browser;
let page: Page;
let origin: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await createServer({
    root: demoRoot,
    configFile: `${demoRoot}vite.config.ts`,
    configLoader: 'runner',
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address !== 'object') throw new Error('the demo server has no address');
  origin = `http://127.0.0.1:${address.port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
  page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the demo, from brand to order.completed', () => {
  it('picks the cheapest valid set, places the order and shows every verified webhook', async () => {
    await page.goto(origin);
    await expect.poll(() => page.locator('#bundle-line').textContent(), { timeout: 30_000 }).toContain(
      '15 Google, 4 Microsoft',
    );

    // The customer types a brand; the element checks names through the partner's handler.
    await page.locator('peeker-domain-picker #brand').fill('acme');
    await page.locator('peeker-domain-picker [data-action="fill"]:not([disabled])').waitFor({ timeout: 60_000 });
    await page.locator('peeker-domain-picker').evaluate((el) => (el as unknown as { checksComplete: Promise<unknown> }).checksComplete);
    await page.locator('peeker-domain-picker [data-action="fill"]').click();
    await page.locator('peeker-domain-picker').evaluate((el) => (el as unknown as { checksComplete: Promise<unknown> }).checksComplete);

    const chosen = await page
      .locator('peeker-domain-picker')
      .evaluate((el) => (el as unknown as { value: string[] }).value);
    expect(chosen).toHaveLength(19);

    // Confirm: the element re-checks the names fresh, then emits peeker-order-ready; the
    // page posts the draft, the backend adds the Smartlead login and places the order.
    await page.locator('peeker-domain-picker [data-action="confirm"]').click();
    await expect.poll(() => page.locator('#order-status').textContent(), { timeout: 30_000 }).toMatch(/Order ord_/);

    // Signed webhooks from the sandbox, verified by the backend, relayed to the page.
    await page.locator('#timeline li[data-type="order.completed"]').waitFor({ timeout: 30_000 });
    const types = await page.locator('#timeline li').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.type));
    expect(types).toContain('order.in_progress');
    expect(types.filter((t) => t === 'domain.connected')).toHaveLength(19);
    await expect.poll(() => page.locator('#order-status').textContent()).toMatch(/completed/);

    // The page never saw a secret.
    const html = await page.content();
    expect(html).not.toContain('demo-smartlead-password');
    expect(html).not.toContain('pk_test_');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
