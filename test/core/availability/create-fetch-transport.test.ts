import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAvailabilityChecker } from '../../../packages/core/src/availability/create-availability-checker.ts';
import { createFetchTransport } from '../../../packages/core/src/availability/create-fetch-transport.ts';
import { PeekerApiError } from '../../../packages/core/src/errors/peeker-api-error.ts';
import { PeekerError } from '../../../packages/core/src/errors/peeker-error.ts';
import { availableRow } from '../../fixtures/peeker-api-examples.ts';

type Handler = (body: unknown, req: IncomingMessage, res: ServerResponse) => void;

const received: Array<{ path: string; method: string; headers: IncomingMessage['headers']; body: unknown }> = [];
const routes = new Map<string, Handler>();
let server: Server;
let base: string;

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      const path = req.url ?? '/';
      received.push({ path, method: req.method ?? '', headers: req.headers, body });
      const handler = routes.get(path);
      if (handler === undefined) json(res, 404, { error: { code: 'not_found', message: 'no route' } });
      else handler(body, req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  routes.set('/ok', (body, _req, res) => {
    const domains = (body as { domains: string[] }).domains;
    json(
      res,
      200,
      {
        data: {
          domains: domains.map((domain) =>
            domain.startsWith('taken')
              ? { domain, available: false, premium: false, reason: 'taken', internal_score: 7 }
              : availableRow(domain),
          ),
        },
      },
      { 'peeker-request-id': 'req_ok' },
    );
  });
  routes.set('/rate-limited', (_b, _r, res) =>
    json(
      res,
      429,
      { error: { code: 'rate_limited', message: 'API rate limit exceeded', details: { retry_after_seconds: 12 } } },
      { 'peeker-request-id': 'req_429' },
    ),
  );
  routes.set('/retry-after-header', (_b, _r, res) => {
    res.writeHead(429, { 'retry-after': '7' });
    res.end('slow down');
  });
  routes.set('/server-error', (_b, _r, res) => {
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end('<html><body>Bad gateway</body></html>');
  });
  routes.set('/bad-request', (_b, _r, res) =>
    json(res, 400, { error: { code: 'invalid_request', message: 'Too many domains', field: 'domains' } }),
  );
  routes.set('/unauthorized', (_b, _r, res) =>
    json(res, 401, { error: { code: 'unauthorized', message: 'Invalid API key' } }, { 'peeker-request-id': 'req_401' }),
  );
  routes.set('/not-json', (_b, _r, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"data": {"domains": [');
  });
  routes.set('/wrong-shape', (_b, _r, res) => json(res, 200, { data: { domains: [{ domain: 'a.com', available: 'yes' }] } }));
  routes.set('/hang', () => {
    /* never answers */
  });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const call = (path: string, domains: string[] = ['acme-mail.com'], options: { timeoutMs?: number; signal?: AbortSignal } = {}) =>
  createFetchTransport({ endpoint: `${base}${path}`, timeoutMs: options.timeoutMs })(domains, {
    signal: options.signal ?? new AbortController().signal,
  });

async function rejection(promise: Promise<unknown>): Promise<PeekerApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PeekerApiError);
  return error as PeekerApiError;
}

describe('createFetchTransport', () => {
  it('POSTs {"domains":[…]} as JSON and parses the rows (200)', async () => {
    const transport = createFetchTransport({ endpoint: `${base}/ok`, headers: { 'x-csrf-token': 't0k' } });
    const rows = await transport(['acme-mail.com', 'taken-acme.com'], { signal: new AbortController().signal });
    expect(rows).toEqual([
      {
        domain: 'acme-mail.com',
        available: true,
        premium: false,
        price_cents: 1300,
        renewal_price_cents: 1500,
        currency: 'usd',
        usable_for: ['google', 'microsoft'],
      },
      { domain: 'taken-acme.com', available: false, premium: false, reason: 'taken' },
    ]);
    const request = received.at(-1);
    expect(request?.method).toBe('POST');
    expect(request?.body).toEqual({ domains: ['acme-mail.com', 'taken-acme.com'], timeout_ms: 15000 });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['x-csrf-token']).toBe('t0k');
  });

  it('maps 429 with details.retry_after_seconds to a retryable error with retryAfterMs', async () => {
    const error = await rejection(call('/rate-limited'));
    expect(error).toMatchObject({
      status: 429,
      code: 'rate_limited',
      message: 'API rate limit exceeded',
      retryable: true,
      retryAfterMs: 12_000,
      requestId: 'req_429',
      details: { retry_after_seconds: 12 },
    });
  });

  it('honours a Retry-After header on a 429 without an envelope', async () => {
    const error = await rejection(call('/retry-after-header'));
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', retryable: true, retryAfterMs: 7000 });
  });

  it('maps a 5xx (even an HTML one) to a retryable error', async () => {
    const error = await rejection(call('/server-error'));
    expect(error).toMatchObject({ status: 502, code: 'server_error', retryable: true });
    expect(error.message).not.toContain('<html>');
  });

  it.each([
    ['/bad-request', 400, 'invalid_request', 'domains'],
    ['/unauthorized', 401, 'unauthorized', undefined],
  ])('maps %s to a non-retryable error', async (path, status, code, field) => {
    const error = await rejection(call(path));
    expect(error).toMatchObject({ status, code, field, retryable: false });
  });

  it('rejects a 200 body that is not JSON with invalid_response (not retryable)', async () => {
    const error = await rejection(call('/not-json'));
    expect(error).toMatchObject({ status: 200, code: 'invalid_response', retryable: false });
  });

  it('rejects a 200 body of the wrong shape with invalid_response naming the path', async () => {
    const error = await rejection(call('/wrong-shape'));
    expect(error).toMatchObject({ code: 'invalid_response', retryable: false });
    expect(error.message).toContain('data.domains[0].available');
  });

  it('times out with a retryable status-0 timeout error', async () => {
    const error = await rejection(call('/hang', ['a.com'], { timeoutMs: 50 }));
    expect(error).toMatchObject({ status: 0, code: 'timeout', retryable: true });
  });

  it('rejects with signal.reason when aborted', async () => {
    const controller = new AbortController();
    const pending = call('/hang', ['abort-me.com'], { signal: controller.signal });
    while (!received.some((r) => r.path === '/hang' && (r.body as { domains: string[] }).domains[0] === 'abort-me.com')) {
      await new Promise((r) => setTimeout(r, 5));
    }
    const reason = new Error('user typed again');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('rejects with signal.reason without sending when already aborted', async () => {
    const before = received.length;
    const reason = new Error('early');
    await expect(call('/ok', ['a.com'], { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(received.length).toBe(before);
  });

  it('maps a refused connection to a retryable network_error with status 0', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const transport = createFetchTransport({ endpoint: `http://127.0.0.1:${port}/x` });
    const error = await rejection(transport(['a.com'], { signal: new AbortController().signal }));
    expect(error).toMatchObject({ status: 0, code: 'network_error', retryable: true });
  });

  it('uses an injected fetch', async () => {
    const seen: string[] = [];
    const transport = createFetchTransport({
      endpoint: '/api/availability',
      fetch: async (input, init) => {
        seen.push(`${String(input)} ${init?.method} ${String(init?.body)}`);
        return new Response(JSON.stringify({ data: { domains: [{ domain: 'a.com', available: false, reason: 'taken' }] } }));
      },
    });
    const rows = await transport(['a.com'], { signal: new AbortController().signal });
    expect(seen).toEqual(['/api/availability POST {"domains":["a.com"],"timeout_ms":15000}']);
    expect(rows).toEqual([{ domain: 'a.com', available: false, reason: 'taken' }]);
  });

  it('sends fresh: true when the checker asks for fresh rows, and no timeout_ms when timeouts are off', async () => {
    const bodies: unknown[] = [];
    const transport = createFetchTransport({
      endpoint: '/api/availability',
      timeoutMs: Infinity,
      fetch: async (_input, init) => {
        bodies.push(JSON.parse(String(init?.body)));
        return new Response(JSON.stringify({ data: { domains: [{ domain: 'a.com', available: false, reason: 'taken' }] } }));
      },
    });
    await transport(['a.com'], { signal: new AbortController().signal, fresh: true });
    await transport(['a.com'], { signal: new AbortController().signal, fresh: false });
    expect(bodies).toEqual([{ domains: ['a.com'], fresh: true }, { domains: ['a.com'] }]);
  });

  it.each([
    [{ endpoint: '' }],
    [{ endpoint: 42 }],
    [{ endpoint: '/x', fetch: 'nope' }],
    [{ endpoint: '/x', timeoutMs: 0 }],
    [{ endpoint: '/x', timeoutMs: Number.NaN }],
  ])('rejects bad options %j with a TypeError', (options) => {
    expect(() => createFetchTransport(options as never)).toThrow(TypeError);
  });

  it('drives a checker end to end: rows from the server, errored rows after a 401', async () => {
    const checker = createAvailabilityChecker({ transport: createFetchTransport({ endpoint: `${base}/ok` }) });
    const rows = await checker.check(['Acme-Mail.com', 'taken-acme.com', 'bad name']);
    expect(rows.map((r) => [r.domain, r.available, r.reason])).toEqual([
      ['acme-mail.com', true, undefined],
      ['taken-acme.com', false, 'taken'],
      ['bad name', false, 'invalid'],
    ]);

    const errors: PeekerError[] = [];
    const failing = createAvailabilityChecker({ transport: createFetchTransport({ endpoint: `${base}/unauthorized` }) });
    const [row] = await failing.check(['acme-mail.com'], { onBatchError: (e) => errors.push(e) });
    expect(row).toMatchObject({ domain: 'acme-mail.com', available: false, reason: 'errored', message: 'Invalid API key' });
    expect(errors.map((e) => [e.code, (e as PeekerApiError).status, (e as PeekerApiError).requestId])).toEqual([
      ['unauthorized', 401, 'req_401'],
    ]);
  });
});
