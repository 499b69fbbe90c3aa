/**
 * Shared setup for the contract suite: the real `@peeker/core/server` client against the
 * real `@peeker/sandbox` over loopback HTTP. No mocked fetch anywhere.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isOrderable, type AvailabilityRow, type Bundle } from '@peeker/core';
import { createPeekerClient, type PeekerClient, type PeekerClientOptions } from '@peeker/core/server';
import { startSandbox, type Sandbox, type SandboxOptions } from '@peeker/sandbox';

/** Checker settings that keep retries fast and deterministic: no real waiting, no jitter. */
export const FAST_AVAILABILITY = {
  sleep: async () => undefined,
  random: () => 0,
  minBackoffMs: 1,
  maxJitterMs: 0,
} as const;

/** A sandbox plus a client pointed at it. */
export interface Harness {
  sandbox: Sandbox;
  client: PeekerClient;
  close(): Promise<void>;
}

/**
 * Starts a sandbox and a client for it.
 * @param sandboxOptions - sandbox options
 * @param clientOptions - client options (apiKey and baseUrl default to the sandbox's)
 */
export async function startHarness(
  sandboxOptions: SandboxOptions = {},
  clientOptions: Partial<PeekerClientOptions> = {},
): Promise<Harness> {
  const sandbox = await startSandbox({ seed: 1, ...sandboxOptions });
  const client = createPeekerClient({
    apiKey: sandbox.apiKey,
    baseUrl: sandbox.baseUrl,
    getRetry: { maxRetries: 3, minTimeoutMs: 5, maxTimeoutMs: 20 },
    ...clientOptions,
    availability: { ...FAST_AVAILABILITY, ...(clientOptions.availability ?? {}) },
  });
  return {
    sandbox,
    client,
    async close() {
      await client.close();
      await sandbox.close();
    },
  };
}

/** `count` distinct syntactically valid names. */
export function names(count: number, stem = 'acme'): string[] {
  return Array.from({ length: count }, (_, i) => `${stem}-mail-${i}.com`);
}

/**
 * Picks `required.total` orderable names so that at least `required.microsoft` can serve
 * Microsoft, from the sandbox's deterministic answers.
 */
export async function pickOrderable(
  client: PeekerClient,
  required: { google: number; microsoft: number; total: number },
  stem: string,
): Promise<{ chosen: string[]; rows: AvailabilityRow[] }> {
  const rows = await client.checkAvailability(names(Math.max(60, required.total * 4), stem));
  const orderable = rows.filter(isOrderable);
  const dual = orderable.filter((r) => r.usable_for?.includes('microsoft'));
  const ms = dual.slice(0, required.microsoft);
  const rest = orderable.filter((r) => !ms.includes(r)).slice(0, required.total - ms.length);
  const chosen = [...ms, ...rest].map((r) => r.domain);
  if (chosen.length !== required.total || ms.length !== required.microsoft) throw new Error('not enough orderable names');
  return { chosen, rows };
}

/** A small bundle: 5,000 emails/month → 3 Google + 1 Microsoft domains. */
export async function smallBundle(client: PeekerClient): Promise<Bundle> {
  return client.createBundle({ name: 'Contract 5k', monthly_sending_volume: 5000 });
}

/** A valid order body for `bundle` and `domains` (Smartlead password included). */
export function orderInput(bundle: Bundle, domains: readonly string[], overrides: Record<string, unknown> = {}) {
  return {
    user: 'client@example.com',
    bundle_id: bundle.id,
    sequencer: { provider: 'smartlead' as const, client_id: 366903, login_email: 'ops@client.example', login_password: 'Sm4rtl3ad-s3cret!' },
    forwarding_url: 'https://acme.com',
    domains: [...domains],
    personas: [{ first_name: 'Sam', last_name: 'Lee', profile_picture_url: '' }],
    ...overrides,
  };
}

/** A loopback HTTP server around a handler. */
export async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Resolves when `predicate` holds, polling every 10 ms (fails the test after `limitMs`). */
export async function waitFor(predicate: () => boolean, limitMs = 5000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > limitMs) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
