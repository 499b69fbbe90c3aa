// Takes docs/demo.png: starts the demo (Vite dev server with the embedded sandbox), picks
// domains for "acme", places the order and waits for order.completed, then screenshots the
// page in Debian's Chromium. Run: node scripts/screenshot-demo.mjs
import { chromium } from 'playwright';
import { createServer } from 'vite';
import { fileURLToPath } from 'node:url';

const demoRoot = fileURLToPath(new URL('../demo/', import.meta.url));
const out = fileURLToPath(new URL('../docs/demo.png', import.meta.url));
const server = await createServer({
  root: demoRoot,
  configFile: `${demoRoot}vite.config.ts`,
  configLoader: 'runner',
  logLevel: 'error',
  server: { host: '127.0.0.1', port: 0 },
});
await server.listen();
const { port } = server.httpServer.address();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--hide-scrollbars'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.locator('#bundle-line', { hasText: 'Google' }).waitFor();
  await page.locator('peeker-domain-picker #brand').fill('acme');
  await page.locator('peeker-domain-picker [data-action="fill"]:not([disabled])').waitFor({ timeout: 60_000 });
  await page.locator('peeker-domain-picker').evaluate((el) => el.checksComplete);
  await page.locator('peeker-domain-picker [data-action="fill"]').click();
  await page.locator('peeker-domain-picker').evaluate((el) => el.checksComplete);
  await page.locator('peeker-domain-picker [data-action="confirm"]').click();
  await page.locator('#timeline li[data-type="order.completed"]').waitFor({ timeout: 30_000 });
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
