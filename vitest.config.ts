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
            commands: {
              // A real order endpoint and event stream (test/elements/order-backend-command.ts),
              // loaded through the project's module runner so it can import the TS sources.
              orderBackend: async (context, request) => {
                const module = (await context.project.import('./test/elements/order-backend-command.ts')) as {
                  orderBackend(context: unknown, request: unknown): Promise<unknown>;
                };
                return module.orderBackend(context, request);
              },
            },
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
