/**
 * Starts the real demo (its Vite dev server, with the sandbox and the partner handlers inside)
 * on a free loopback port, and Debian's Chromium, for the end-to-end suites. Not a test file.
 */
import { chromium, type Browser } from 'playwright';
import { createServer, type ViteDevServer } from 'vite';
import { fileURLToPath } from 'node:url';
import { chromiumArgs } from '../../vitest.config.ts';

const demoRoot = fileURLToPath(new URL('../../demo/', import.meta.url));

/** A running demo and browser. */
export interface RunningDemo {
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

/** @returns the demo's origin and a browser; `close()` stops both */
export async function startDemo(): Promise<RunningDemo> {
  const server: ViteDevServer = await createServer({
    root: demoRoot,
    configFile: `${demoRoot}vite.config.ts`,
    configLoader: 'runner',
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address !== 'object') {
    await server.close();
    throw new Error('the demo server has no address');
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  return {
    origin: `http://127.0.0.1:${address.port}`,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
