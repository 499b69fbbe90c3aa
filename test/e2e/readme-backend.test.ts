/**
 * The root README's backend section, run exactly as written: its `js` code block is
 * extracted from README.md, started as its own Node process (the workspace's TypeScript
 * sources are loaded through Vite's module runner, as `peeker-sandbox` does, because Node 20
 * cannot import them), and driven over HTTP against a real sandbox, from Node and from real
 * Chromium. A taken name (409), a malformed body (400) and a 10 MB body (413) must each get a
 * 4xx while the process stays up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateCandidates, isOrderable, solveSelection, type AvailabilityRow, type Bundle } from '@peeker/core';
import { startSandbox, type Sandbox } from '@peeker/sandbox';
import { chromium } from 'playwright';
import { chromiumArgs } from '../../vitest.config.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Inside the repository, so `@peeker/core/server` resolves to the workspace package.
const workDir = `${root}node_modules/.cache/readme-backend/`;
const PASSWORD = 'readme-smartlead-password';

let sandbox: Sandbox;
let child: ChildProcess;
let origin: string;
let bundle: Bundle;
let output = '';

/** The README's backend code block, verbatim. */
function readmeBackendCode(): string {
  const readme = readFileSync(`${root}README.md`, 'utf8');
  const section = readme.slice(readme.indexOf('### 2. Backend'), readme.indexOf('### 3. '));
  const match = /```js\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('README: no js code block in the backend section');
  return match[1]!;
}

async function post(path: string, body: string, contentType = 'application/json'): Promise<{ status: number; json: any; text: string }> {
  const response = await fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // asserted by the caller
  }
  return { status: response.status, json, text };
}

/**
 * POSTs `bytes` of body with node:http: the headers go first (a `Content-Length` of 10 MB), and
 * the body follows only if no answer came meanwhile (the server may refuse on the header alone
 * and close; writing into that socket would fail with EPIPE before the answer is read).
 */
function postHuge(path: string, bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(bytes) } });
    req.on('response', (res) => {
      answered = true;
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.flushHeaders();
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = (): void => {
      while (sent < bytes && !answered && !req.destroyed) {
        const part = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
        sent += part.length;
        if (!req.write(part)) return void req.once('drain', pump);
      }
      if (!answered && !req.destroyed) req.end();
    };
    setTimeout(pump, 1000);
  });
}

function alive(): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Checks generated names through the snippet's availability handler and solves the bundle. */
async function cheapestDraft(brand: string): Promise<{ draft: Record<string, unknown>; rows: AvailabilityRow[]; domains: string[] }> {
  const names = generateCandidates({ brand, limit: 150 }).map((c) => c.domain);
  const { json } = await post('/api/peeker/availability', JSON.stringify({ domains: names }));
  const rows = (json as { data: { domains: AvailabilityRow[] } }).data.domains;
  const answer = solveSelection({ rows, required: bundle.required_domains });
  if (answer.status !== 'optimal') throw new Error(answer.message);
  const draft = {
    user: 'client@example.com',
    bundle_id: bundle.id,
    forwarding_url: 'https://acme.com',
    domains: answer.domains,
    personas: [{ first_name: 'Sam', last_name: 'Lee', profile_picture_url: '' }],
  };
  return { draft, rows, domains: answer.domains };
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 7, orderProgressMs: 5 });
  mkdirSync(workDir, { recursive: true });
  writeFileSync(`${workDir}server.mjs`, readmeBackendCode());
  // Node 20 cannot import the workspace's .ts sources: load the file through Vite's module runner.
  writeFileSync(
    `${workDir}run.mjs`,
    "import { runnerImport } from 'vite';\nimport { pathToFileURL } from 'node:url';\n" +
      "await runnerImport(pathToFileURL(process.argv[2]).href, { configFile: false, logLevel: 'error' });\n",
  );
  child = spawn(process.execPath, [`${workDir}run.mjs`, `${workDir}server.mjs`], {
    cwd: workDir,
    env: {
      ...process.env,
      PORT: '0',
      PEEKER_API_KEY: sandbox.apiKey,
      PEEKER_BASE_URL: sandbox.baseUrl,
      PEEKER_WEBHOOK_SECRET: sandbox.webhookSecret,
      ORDER_EVENTS_SECRET: 'readme-order-events-secret-0123456789',
      SMARTLEAD_EMAIL: 'ops@client.example',
      SMARTLEAD_PASSWORD: PASSWORD,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const started = Date.now();
  let match: RegExpExecArray | null = null;
  while (!(match = /Listening on (http:\/\/127\.0\.0\.1:\d+), bundle (bun_\S+)/.exec(output))) {
    if (!alive() || Date.now() - started > 60_000) throw new Error(`the README backend did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  origin = match[1]!;
  sandbox.setWebhookUrl(`${origin}/webhooks/peeker`);
  bundle = (await (await fetch(`${origin}/api/bundle`)).json()) as Bundle;
}, 90_000);

afterAll(async () => {
  child?.kill();
  await sandbox?.close();
});

describe('the README backend, run as written', () => {
  it('creates the bundle it serves', () => {
    expect(bundle.id).toMatch(/^bun_/);
    expect(bundle.required_domains).toEqual({ google: 15, microsoft: 4, total: 19 });
  });

  it('places an order and streams its verified webhooks to the token holder', async () => {
    const { draft } = await cheapestDraft('acme');
    const placed = await post('/api/orders', JSON.stringify(draft));
    expect(placed.status).toBe(200);
    expect(placed.json.data.id).toMatch(/^ord_/);
    expect(placed.text).not.toContain(PASSWORD);
    const stream = await fetch(`${origin}/api/orders/events?order=${placed.json.data.id}&token=${encodeURIComponent(placed.json.events.token)}`);
    const text = await stream.text();
    expect(text).toContain('"type":"order.in_progress"');
    expect(text.match(/"type":"domain\.connected"/g)).toHaveLength(19);
    expect(text).toContain('"type":"order.completed"');
    expect(text).toContain('event: end');
    // the same draft again: the original receipt, not "taken"
    const again = await post('/api/orders', JSON.stringify(draft));
    expect(again.status).toBe(200);
    expect(again.json.data.id).toBe(placed.json.data.id);
  }, 30_000);

  it('answers a name taken since the check with 409 and the cheapest replacement set', async () => {
    const { draft, rows, domains } = await cheapestDraft('quokka');
    sandbox.markTaken(domains[0]!);
    const alternates = rows.filter((r) => isOrderable(r) && !domains.includes(r.domain)).map((r) => r.domain).slice(0, 100);
    const answer = await post('/api/orders', JSON.stringify({ order: draft, alternates }));
    expect(answer.status).toBe(409);
    expect(answer.json.error.code).toBe('names_taken');
    expect(answer.json.error.details.taken).toEqual([{ domain: domains[0], reason: 'taken' }]);
    expect(answer.json.error.details.replacement.domains).toHaveLength(19);
    expect(answer.json.error.details.replacement.domains).not.toContain(domains[0]);
    expect(alive()).toBe(true);
  });

  it('answers a malformed body with 400 and stays up', async () => {
    const answer = await post('/api/orders', '{"user": "client@example.com", ');
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe('invalid_request');
    expect(alive()).toBe(true);
  });

  it('survives the same three from real Chromium (a taken name, a malformed body, a 10 MB body)', async () => {
    const { draft, domains } = await cheapestDraft('numbat');
    sandbox.markTaken(domains[1]!);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/api/bundle`); // same origin as the endpoints
      const statuses = await page.evaluate(async (order) => {
        const send = async (body: string): Promise<number | string> => {
          try {
            const response = await fetch('/api/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
            return response.status;
          } catch (error) {
            return String(error);
          }
        };
        return {
          taken: await send(JSON.stringify(order)),
          malformed: await send('{"user":'),
          huge: await send(JSON.stringify({ user: 'x'.repeat(10 * 1024 * 1024) })),
          after: await send('[]'),
        };
      }, draft);
      expect(statuses.taken).toBe(409);
      expect(statuses.malformed).toBe(400);
      expect(statuses.huge).toBe(413);
      expect(statuses.after).toBe(400);
      expect(alive()).toBe(true);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('answers a 10 MB body with 413 and stays up', async () => {
    expect(await postHuge('/api/orders', 10 * 1024 * 1024)).toBe(413);
    expect(alive()).toBe(true);
    const after = await post('/api/orders', '[]');
    expect(after.status).toBe(400);
    expect(output).not.toContain(PASSWORD);
  });
});
