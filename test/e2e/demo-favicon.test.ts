/**
 * The demo page loads without a single failed request in real Chromium: no `/favicon.ico`
 * 404 (issue 12). The page links an SVG icon, and `/favicon.ico` exists for clients that ask
 * for it without reading the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright';
import { createServer, type ViteDevServer } from 'vite';
import { fileURLToPath } from 'node:url';
import { chromiumArgs } from '../../vitest.config.ts';

const demoRoot = fileURLToPath(new URL('../../demo/', import.meta.url));

let server: ViteDevServer;
let browser: Browser;
let origin: string;

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
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
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
