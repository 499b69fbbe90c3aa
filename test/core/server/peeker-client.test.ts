/**
 * The client's HTTP layer against small loopback servers that misbehave on purpose (echoing
 * secrets, forging links, never answering). No mocked fetch: real undici over loopback.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { PeekerApiError } from '@peeker/core';
import { createPeekerClient, type PeekerClient, type PeekerClientLogEntry } from '@peeker/core/server';
import { redactText, redactValue } from '../../../packages/core/src/server/http/redact-secrets.ts';

const KEY = 'pk_live_VerySecretKey_0123456789abcdef';
const PASSWORD = 'hunter2-"quoted"-pass';

const servers: Array<() => Promise<void>> = [];
const clients: PeekerClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close();
  for (const s of servers.splice(0)) await s();
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<string> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(
    () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/partner/v1`;
}

function client(baseUrl: string, extra: Parameters<typeof createPeekerClient>[0] extends infer O ? Partial<O> : never = {}): PeekerClient {
  const c = createPeekerClient({ apiKey: KEY, baseUrl, getRetry: false, ...extra });
  clients.push(c);
  return c;
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'peeker-request-id': 'req_TEST', ...headers });
  res.end(JSON.stringify(body));
}

const order = {
  user: 'client@example.com',
  bundle_id: 'bun_1',
  sequencer: { provider: 'smartlead' as const, client_id: 1, login_email: 'ops@client.example', login_password: PASSWORD },
  domains: ['acme-mail.com'],
  personas: [{ first_name: 'Sam', last_name: 'Lee', profile_picture_url: '' }],
};

describe('createPeekerClient: HTTP behaviour', () => {
  it('sends exactly one Bearer header, JSON headers and the user agent', async () => {
    let seen: IncomingMessage['headers'] = {};
    const base = await serve((req, res) => {
      seen = req.headers;
      json(res, 200, { data: { api_key: { environment: 'live', permission_preset: 'full' }, partner: { id: 'org_1', name: 'P' } } });
    });
    expect((await client(base, { userAgent: 'acme-backend/1.0' }).me()).partner.id).toBe('org_1');
    expect(seen.authorization).toBe(`Bearer ${KEY}`);
    expect(seen.accept).toBe('application/json');
    expect(seen['user-agent']).toBe('acme-backend/1.0');
    expect(Object.keys(seen).filter((h) => /auth|api-key|token/i.test(h))).toEqual(['authorization']);
  });

  it('scrubs the key and the Smartlead password from errors and logs, even when the server echoes them', async () => {
    const base = await serve((req, res, body) => {
      json(res, 400, {
        error: {
          code: 'invalid_request',
          message: `bad request from ${req.headers.authorization} with ${body}`,
          field: 'sequencer.login_password',
          details: { echo: body, header: req.headers.authorization, nested: [{ again: PASSWORD }] },
        },
      });
    });
    const logs: PeekerClientLogEntry[] = [];
    const c = client(base, { logger: (e) => logs.push(e) });
    const error = (await c.createOrder(order, { retries: 0 }).catch((e: unknown) => e)) as PeekerApiError;
    expect(error).toBeInstanceOf(PeekerApiError);
    expect([error.status, error.code, error.requestId]).toEqual([400, 'invalid_request', 'req_TEST']);
    const dump = inspect({ error, message: error.message, details: error.details, logs }, { depth: 10 }) + JSON.stringify(error.details);
    expect(dump).not.toContain(KEY);
    expect(dump).not.toContain('VerySecretKey');
    expect(dump).not.toContain('hunter2');
    expect(error.message).toContain('[redacted]');
    expect(logs).toEqual([expect.objectContaining({ method: 'POST', path: '/partner/v1/orders', status: 400, requestId: 'req_TEST', errorCode: 'invalid_request' })]);
  });

  it('maps a server that never answers to status 0 timeout (retryable)', async () => {
    const base = await serve(() => undefined);
    const error = (await client(base, { timeoutMs: 50 }).me().catch((e: unknown) => e)) as PeekerApiError;
    expect([error.status, error.code, error.retryable]).toEqual([0, 'timeout', true]);
    expect(inspect(error, { depth: 10 })).not.toContain(KEY);
  });

  it('maps a refused connection to status 0 network_error', async () => {
    const base = await serve(() => undefined);
    await servers.pop()?.();
    const error = (await client(base).me().catch((e: unknown) => e)) as PeekerApiError;
    expect([error.status, error.code, error.retryable]).toEqual([0, 'network_error', true]);
  });

  it('rejects with the abort reason when the signal aborts', async () => {
    const base = await serve(() => undefined);
    const controller = new AbortController();
    const pending = client(base).me({ signal: controller.signal });
    const reason = new Error('stop');
    setTimeout(() => controller.abort(reason), 20);
    await expect(pending).rejects.toBe(reason);
  });

  it('uses Retry-After (header) when there is no retry_after_seconds', async () => {
    const base = await serve((_req, res) => json(res, 503, { error: { code: 'unavailable', message: 'later' } }, { 'retry-after': '3' }));
    const error = (await client(base).me().catch((e: unknown) => e)) as PeekerApiError;
    expect([error.status, error.code, error.retryable, error.retryAfterMs]).toEqual([503, 'unavailable', true, 3000]);
  });

  it('a non-JSON 2xx body is an invalid_response, not a crash', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>proxy</html>');
    });
    const error = (await client(base).me().catch((e: unknown) => e)) as PeekerApiError;
    expect([error.code, error.retryable]).toEqual(['invalid_response', false]);
  });

  it('refuses a links.next on another origin: the key is never sent there', async () => {
    let foreignHits = 0;
    const foreign = await serve((_req, res) => {
      foreignHits += 1;
      json(res, 200, { data: [], links: { next: null } });
    });
    const base = await serve((_req, res) => json(res, 200, { data: [{ id: 'bun_1' }], links: { next: `${foreign}/bundles?page_token=x` } }));
    const seen: string[] = [];
    const error = await (async () => {
      for await (const b of client(base).listBundles()) seen.push(b.id);
    })().catch((e: unknown) => e as PeekerApiError);
    expect(seen).toEqual(['bun_1']);
    expect((error as PeekerApiError).code).toBe('invalid_response');
    expect(foreignHits).toBe(0);
  });

  it('follows links.next verbatim (never decoding the token) and stops on a repeated link', async () => {
    const urls: string[] = [];
    let base = '';
    base = await serve((req, res) => {
      urls.push(req.url ?? '');
      json(res, 200, { data: [{ id: `x${urls.length}` }], links: { next: `${base}/bundles?page_token=opaque%2Ftoken&per_page=2` } });
    });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const b of client(base).listBundles({ perPage: 2, status: 'active' })) seen.push(b.id);
    })().catch((e: unknown) => e as PeekerApiError);
    expect(urls).toEqual(['/partner/v1/bundles?status=active&per_page=2', '/partner/v1/bundles?page_token=opaque%2Ftoken&per_page=2']);
    expect(seen).toEqual(['x1', 'x2']);
    expect((error as PeekerApiError).code).toBe('invalid_response');
  });

  it('validates options with TypeErrors', () => {
    expect(() => createPeekerClient({ apiKey: KEY, baseUrl: 'ftp://x' })).toThrow(TypeError);
    expect(() => createPeekerClient({ apiKey: KEY, baseUrl: 'https://user:pw@api.peeker.ai/partner/v1' })).toThrow(TypeError);
    expect(() => createPeekerClient({ apiKey: KEY, timeoutMs: 0 })).toThrow(TypeError);
    expect(() => createPeekerClient({ apiKey: KEY, userAgent: 'a\r\nb' })).toThrow(TypeError);
    expect(() => createPeekerClient(null as never)).toThrow(TypeError);
  });
});

describe('redaction helpers', () => {
  it('property: a redacted text never contains any secret (raw or JSON-escaped) nor a key shape', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
        (secrets, fillers) => {
          const text = secrets.map((s, i) => `${fillers[i] ?? ''}${s}pk_test_${i}${JSON.stringify(s)}`).join('');
          const out = redactText(text, secrets);
          for (const secret of secrets) expect(out.includes(secret)).toBe(false);
          expect(/pk_(live|test)_[A-Za-z0-9_-]+/.test(out)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('removes anything shaped like a Peeker key, deep in values and keys', () => {
    const value = { [`k_pk_test_abc`]: ['pk_live_XYZ_1', { deep: 'x pk_test_q-w_e y' }], n: 3 };
    expect(redactValue(value)).toEqual({ 'k_[redacted]': ['[redacted]', { deep: 'x [redacted] y' }], n: 3 });
  });
});
