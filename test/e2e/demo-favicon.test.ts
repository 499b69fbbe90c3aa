/**
 * The demo page loads without a single failed request in real Chromium: no `/favicon.ico`
 * 404 (issue 12). The page links an SVG icon, and `/favicon.ico` exists for clients that ask
 * for it without reading the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { startDemo, type RunningDemo } from './demo-server.ts';

let demo: RunningDemo;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  demo = await startDemo();
  ({ origin, browser } = demo);
}, 60_000);

afterAll(async () => {
  await demo?.close();
});

describe('the demo page’s icon', () => {
  it('loads with no failed request, and the linked icon is an image', async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    page.on('requestfailed', (request) => failed.push(`failed ${new URL(request.url()).pathname}`));
    await page.goto(origin, { waitUntil: 'networkidle' });
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(href).toBe('/favicon.svg');
    const icon = await page.request.get(new URL(href!, origin).href);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toContain('image/svg+xml');
    expect(failed).toEqual([]);
    await page.close();
  }, 60_000);

  it('answers /favicon.ico with an icon, not a 404', async () => {
    const response = await fetch(`${origin}/favicon.ico`);
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // ICONDIR: reserved 0, type 1 (icon), one image
    expect([...bytes.slice(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]);
  });
});
