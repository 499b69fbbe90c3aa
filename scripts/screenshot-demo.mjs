// Takes the README's screenshots of the demo in Debian's Chromium: starts the demo (Vite dev
// server with the embedded sandbox), picks domains for "acme" and
//   docs/demo.png       desktop (1100 px): fills, confirms, follows the order to order.completed
//   docs/demo-phone.png phone (390 × 844, touch, 2× pixels): fills; one screen from the picker's top
//   docs/demo-dark.png  desktop with prefers-color-scheme: dark: fills
// Run: node scripts/screenshot-demo.mjs [output folder, default docs/]
import { chromium } from 'playwright';
import { createServer } from 'vite';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const demoRoot = fileURLToPath(new URL('../demo/', import.meta.url));
const outDir = resolve(process.argv[2] ?? fileURLToPath(new URL('../docs/', import.meta.url)));
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

/** Opens the demo in a fresh context, types the brand and presses Fill cheapest. */
async function pickFor(brand, contextOptions) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const settle = () => page.locator('peeker-domain-picker').evaluate((el) => el.checksComplete);
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.locator('#bundle-line', { hasText: 'Google' }).waitFor();
  await page.locator('peeker-domain-picker #brand').fill(brand);
  await page.locator('peeker-domain-picker [data-action="fill"]:not([disabled])').waitFor({ timeout: 60_000 });
  await settle();
  await page.locator('peeker-domain-picker [data-action="fill"]').click();
  await settle();
  return { context, page, settle };
}

/**
 * Screenshots the whole page. The viewport is grown to the page first and two frames are
 * awaited: a full-page capture of a shorter viewport can catch the list's rows
 * (`content-visibility: auto`) before they are painted.
 */
async function shoot(page, name, fullPage = true) {
  const path = `${outDir}/${name}`;
  if (fullPage) {
    const { width } = page.viewportSize();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width, height });
  }
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path });
  console.log(`wrote ${path}`);
}

try {
  // each run orders from the same sandbox, so each shot uses its own brand
  const desktop = await pickFor('acme', { viewport: { width: 1100, height: 900 } });
  await desktop.page.locator('peeker-domain-picker [data-action="confirm"]').click();
  await desktop.page.locator('peeker-order-status:state(completed)').waitFor({ timeout: 60_000 });
  await shoot(desktop.page, 'demo.png');
  await desktop.context.close();

  const phone = await pickFor('northwind', {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  // a whole phone page is several screens tall: show the first screen of the picker
  await phone.page.evaluate(() => document.querySelector('peeker-domain-picker').scrollIntoView());
  await shoot(phone.page, 'demo-phone.png', false);
  await phone.context.close();

  const dark = await pickFor('globex', { viewport: { width: 1100, height: 900 }, colorScheme: 'dark' });
  await shoot(dark.page, 'demo-dark.png');
  await dark.context.close();
} finally {
  await browser.close();
  await server.close();
}
