/**
 * Benchmarks as vitest runs (`npm run bench`), kept apart from the test suite: the root
 * config's globs never match test/bench. Two projects: `bench-node` (solver, greedy,
 * availability, candidates, bundle sizes) and `bench-browser` (the element in real Chromium,
 * launched exactly like the root config's `elements` project). Each part writes its figures
 * to test/bench/results/<part>.json; print-report.mjs turns them into one table.
 */
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { chromiumArgs } from '../../vitest.config.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Own Vite cache, so the bench never re-optimizes the deps the test suite's browser project uses. */
const cacheDir = fileURLToPath(new URL('../../node_modules/.vite-bench', import.meta.url));

// Stale figures must never be reported as this run's: clear them before anything runs.
for (const part of ['solver', 'greedy', 'availability', 'candidates', 'bundle', 'element', 'redis', 'fairness', 'report']) {
  rmSync(fileURLToPath(new URL(`./results/${part}.json`, import.meta.url)), { force: true });
}

export default defineConfig({
  root,
  cacheDir,
  test: {
    // one file at a time: the parts measure time and must not compete for the 2 cores
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 240_000,
    hookTimeout: 60_000,
    projects: [
      {
        cacheDir,
        test: {
          name: 'bench-node',
          root,
          environment: 'node',
          include: ['test/bench/*.bench.ts'],
          exclude: ['test/bench/*.browser.bench.ts'],
          testTimeout: 240_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // separate groups: the node and browser projects never run at the same time
          sequence: { groupOrder: 0 },
        },
      },
      {
        // measure production Lit (no dev-mode checks): drop the `development` export condition
        resolve: { conditions: ['module', 'browser', 'production'] },
        cacheDir,
        test: {
          name: 'bench-browser',
          root,
          include: ['test/bench/*.browser.bench.ts'],
          testTimeout: 120_000,
          sequence: { groupOrder: 1 },
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            instances: [{ browser: 'chromium' }],
            // the browser part asks the node side for the load average (see bench-commands.d.ts)
            commands: { benchLoadavg: () => loadavg()[0] ?? 0 },
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
