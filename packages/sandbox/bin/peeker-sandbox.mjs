#!/usr/bin/env node
/**
 * peeker-sandbox: run the local Peeker sandbox from a terminal.
 *
 *   peeker-sandbox --port 4010 --seed 1
 *
 * Loading: a published install runs the compiled `dist/index.js`. Inside the repository
 * (no build), Node 20 cannot import the TypeScript sources, so the bin falls back to Vite's
 * module runner (`runnerImport`, Vite ≥ 6, a devDependency of the workspace) to load
 * `src/index.ts`. Both give the same `startSandbox`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const HELP = `Usage: peeker-sandbox [options]

Starts a local stand-in for the Peeker Partner API (pk_test_ keys only).

Options:
  --port <n>               TCP port (default 4010; 0 = any free port)
  --host <addr>            interface (default 127.0.0.1)
  --seed <n|s>             seed of the deterministic answers (default 0)
  --api-key <key>          the full-preset test key (default pk_test_sandbox)
  --webhook-url <url>      POST signed webhooks here (default: none)
  --webhook-secret <s>     webhook signing secret (default whsec_sandbox)
  --latency-ms <n>         delay added to every request (default 0)
  --rate-limit <n>         requests per minute per key (default 600)
  --order-progress-ms <n>  time between order progress steps (default 50)
  --fault-429 <0..1>       share of requests answered 429
  --fault-5xx <0..1>       share of requests answered 500
  --fault-drop <0..1>      share of connections dropped
  --retry-after <s>        retry_after_seconds of injected 429s (default 1)
  -h, --help               show this help
`;

function number(name, value) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) {
    console.error(`peeker-sandbox: --${name} must be a number, got ${JSON.stringify(value)}`);
    process.exit(2);
  }
  return n;
}

async function loadSandbox() {
  const dist = new URL('../dist/index.js', import.meta.url);
  if (existsSync(fileURLToPath(dist))) {
    try {
      return await import(dist.href);
    } catch (error) {
      // A dist whose @peeker/core resolves to TypeScript sources (inside the repo): fall back.
      if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION' && error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    }
  }
  let vite;
  try {
    vite = await import('vite');
  } catch {
    console.error('peeker-sandbox: no dist/ build found and Vite is not installed to run the sources.\nBuild the package first: npx -y pnpm@12.4.2 build');
    process.exit(1);
  }
  const source = fileURLToPath(new URL('../src/index.ts', import.meta.url));
  const { module } = await vite.runnerImport(pathToFileURL(source).href, { configFile: false, logLevel: 'error' });
  return module;
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    seed: { type: 'string' },
    'api-key': { type: 'string' },
    'webhook-url': { type: 'string' },
    'webhook-secret': { type: 'string' },
    'latency-ms': { type: 'string' },
    'rate-limit': { type: 'string' },
    'order-progress-ms': { type: 'string' },
    'fault-429': { type: 'string' },
    'fault-5xx': { type: 'string' },
    'fault-drop': { type: 'string' },
    'retry-after': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
});

if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const seedText = values.seed ?? '0';
const { startSandbox } = await loadSandbox();
const faults = {
  rate429: number('fault-429', values['fault-429']),
  rate5xx: number('fault-5xx', values['fault-5xx']),
  dropRate: number('fault-drop', values['fault-drop']),
  retryAfterSeconds: number('retry-after', values['retry-after']),
};
const sandbox = await startSandbox({
  port: number('port', values.port) ?? 4010,
  host: values.host ?? '127.0.0.1',
  seed: /^-?\d+$/.test(seedText) ? Number(seedText) : seedText,
  apiKey: values['api-key'],
  webhookUrl: values['webhook-url'],
  webhookSecret: values['webhook-secret'],
  latencyMs: number('latency-ms', values['latency-ms']),
  rateLimitPerMinute: number('rate-limit', values['rate-limit']),
  orderProgressMs: number('order-progress-ms', values['order-progress-ms']),
  faults: Object.fromEntries(Object.entries(faults).filter(([, v]) => v !== undefined)),
});

process.stdout.write(
  `Peeker sandbox listening on ${sandbox.baseUrl}\n` +
    `  API key:        ${sandbox.apiKey}\n` +
    `  webhook secret: ${sandbox.webhookSecret}\n` +
    `  seed:           ${seedText}\n` +
    `Press Ctrl+C to stop.\n`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(() => process.exit(0), () => process.exit(1));
  });
}
