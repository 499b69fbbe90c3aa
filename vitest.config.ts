import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { searchForWorkspaceRoot } from 'vite';

/** Flags for Debian's Chromium on a closed network, as root (see shared/toolchain.md). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/{core,contract,e2e,pack,cli,redis}/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // The IDNA/PSL conformance vectors live beside the checkout (../shared/reference-data,
        // never copied in); the browser reads them through vitest's readFile command.
        server: { fs: { allow: [searchForWorkspaceRoot(process.cwd()), '../shared/reference-data'] } },
        test: {
          name: 'elements',
          include: ['test/elements/**/*.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            instances: [{ browser: 'chromium' }],
            provider: playwright({
              launchOptions: {
                executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
                args: chromiumArgs,
              },
            }),
          },
        },
      },
    ],
  },
});
