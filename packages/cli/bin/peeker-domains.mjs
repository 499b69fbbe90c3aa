#!/usr/bin/env node
// peeker-domains: pick the cheapest valid set of Peeker sending domains from the command line.
// The logic is runCli in src/run-cli.ts; see `peeker-domains --help`.
//
// Loading: an installed package runs the compiled dist/run-cli.js. In a checkout of the
// repository (where src/ exists and the workspace packages, @peeker/sandbox included, are
// TypeScript sources that Node 20 cannot import), the sources run through Vite's module
// runner (a devDependency of the workspace) instead, so no build is needed there.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** @returns {Promise<{ runCli: Function, loadSandbox: (() => Promise<object>) | undefined, close: () => Promise<void> }>} */
async function loadRunCli() {
  const source = new URL('../src/run-cli.ts', import.meta.url);
  if (existsSync(fileURLToPath(source))) {
    const vite = await import('vite').catch(() => null);
    if (vite !== null) {
      // Kept open while the CLI runs: run-cli imports @peeker/sandbox lazily.
      const server = await vite.createServer({
        configFile: false,
        logLevel: 'error',
        appType: 'custom',
        server: { middlewareMode: true, hmr: false, ws: false, watch: null },
        optimizeDeps: { noDiscovery: true, include: [] },
        // The workspace packages are TypeScript sources: transform them, do not hand them to Node.
        ssr: { noExternal: [/^@peeker\//] },
      });
      const module = await server.ssrLoadModule(fileURLToPath(source));
      return {
        runCli: module.runCli,
        loadSandbox: () => server.ssrLoadModule('@peeker/sandbox'),
        close: () => server.close(),
      };
    }
  }
  const module = await import('../dist/run-cli.js');
  return { runCli: module.runCli, loadSandbox: undefined, close: async () => {} };
}

const { runCli, loadSandbox, close } = await loadRunCli();
const controller = new AbortController();
process.once('SIGINT', () => controller.abort(new Error('interrupted')));

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: controller.signal,
  ...(loadSandbox === undefined ? {} : { loadSandbox }),
});
await close();
process.exitCode = code;
// Everything the CLI opened is closed by now; this only guards against a stray handle.
setTimeout(() => process.exit(code), 2000).unref();
