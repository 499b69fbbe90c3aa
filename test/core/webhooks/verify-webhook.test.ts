import { createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { PeekerError } from '../../../packages/core/src/errors/peeker-error.ts';
import { WebhookVerificationError } from '../../../packages/core/src/errors/webhook-verification-error.ts';
import { signWebhook } from '../../../packages/core/src/webhooks/sign-webhook.ts';
import { verifyWebhook } from '../../../packages/core/src/webhooks/verify-webhook.ts';

const SECRET = 'whsec_test_0123456789';
const TS = 1_778_241_600; // 2026-05-08T12:00:00Z
const NOW = TS * 1000;
const EVENT = {
  id: 'evt_01HZX0EV1A2B3C4D5E6F7G8H',
  type: 'order.in_progress',
  created_at: '2026-05-08T12:00:00Z',
  data: { id: 'ord_01HZX0OR1A2B3C4D5E6F7G8H', status: 'in_progress' },
};
const BODY = JSON.stringify(EVENT);

/** Independent oracle: node:crypto (allowed in tests; the library itself uses Web Crypto). */
function oracle(secret: string, timestamp: string, body: string | Uint8Array): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(Buffer.from(`${timestamp}.`, 'utf8'))
    .update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body)
    .digest('hex');
}

function headersFor(body: string | Uint8Array = BODY, secret = SECRET, ts = String(TS)): Record<string, string> {
  return { 'peeker-timestamp': ts, 'peeker-signature': `v1=${oracle(secret, ts, body)}` };
}

async function failure(promise: Promise<unknown>): Promise<WebhookVerificationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  expect(PeekerError.is(error)).toBe(true);
  return error as WebhookVerificationError;
}

const eventArb = fc.record({
  id: fc.string({ maxLength: 30 }).map((s) => `evt_${s}`),
  type: fc.constantFrom('order.in_progress', 'order.completed', 'domain.connected', 'swap.failed', 'future.event'),
  created_at: fc.constant('2026-05-08T12:00:00Z'),
  data: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
});

describe('signWebhook → verifyWebhook round trip', () => {
  it('verifies a delivery signed by signWebhook and returns the parsed event', async () => {
    const headers = await signWebhook({ body: BODY, secret: SECRET, timestamp: TS, eventId: EVENT.id });
    expect(headers).toEqual({
      'Peeker-Timestamp': String(TS),
      'Peeker-Signature': `v1=${oracle(SECRET, String(TS), BODY)}`,
      'Peeker-Event-Id': EVENT.id,
    });
    await expect(verifyWebhook({ body: BODY, headers, secret: SECRET, now: NOW })).resolves.toEqual(EVENT);
  });

  it('holds for any event, secret and timestamp (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        eventArb,
        fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.string({ minLength: 1, maxLength: 8, unit: 'grapheme' })),
        fc.integer({ min: 0, max: 4_102_444_800 }),
        async (event, secret, timestamp) => {
          const body = JSON.stringify(event);
          const headers = await signWebhook({ body, secret, timestamp });
          expect(headers['Peeker-Signature']).toBe(`v1=${oracle(secret, String(timestamp), body)}`);
          const got = await verifyWebhook({ body, headers, secret, now: timestamp * 1000 });
          expect(got).toEqual(JSON.parse(body));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('accepts any raw bytes as signed: arbitrary bodies fail only as invalid_payload, never on the signature (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 64 }), async (bytes) => {
        const headers = await signWebhook({ body: bytes, secret: SECRET, timestamp: TS });
        expect(headers['Peeker-Signature']).toBe(`v1=${oracle(SECRET, String(TS), bytes)}`);
        const outcome = await verifyWebhook({ body: bytes, headers, secret: SECRET, now: NOW }).then(
          () => 'ok',
          (e: WebhookVerificationError) => e.code,
        );
        expect(['ok', 'invalid_payload']).toContain(outcome);
      }),
      { numRuns: 60 },
    );
  });
});

describe('tampering is rejected', () => {
  it('rejects any single changed byte of the body (property)', async () => {
    await fc.assert(
      fc.asyncProperty(eventArb, fc.nat(), fc.integer({ min: 1, max: 255 }), async (event, at, flip) => {
        const body = new TextEncoder().encode(JSON.stringify(event));
        const headers = await signWebhook({ body, secret: SECRET, timestamp: TS });
        const tampered = body.slice();
        const i = at % tampered.length;
        tampered[i] = (tampered[i] ?? 0) ^ flip;
        const error = await failure(verifyWebhook({ body: tampered, headers, secret: SECRET, now: NOW }));
        expect(error.code).toBe('invalid_signature');
      }),
      { numRuns: 60 },
    );
  });

  it('rejects any single changed digit of the timestamp, even with no tolerance limit (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1_000_000_000, max: 4_102_444_800 }),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        async (timestamp, at, delta) => {
          const headers = await signWebhook({ body: BODY, secret: SECRET, timestamp });
          const ts = headers['Peeker-Timestamp'];
          const i = at % ts.length;
          const changed = `${ts.slice(0, i)}${(Number(ts[i]) + delta) % 10}${ts.slice(i + 1)}`;
          const error = await failure(
            verifyWebhook({
              body: BODY,
              headers: { ...headers, 'Peeker-Timestamp': changed },
              secret: SECRET,
              now: Number(changed) * 1000,
              toleranceSeconds: Infinity,
            }),
          );
          expect(error.code).toBe('invalid_signature');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rejects any single changed character of the secret (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.integer({ min: 1, max: 0xff }),
        async (secret, at, flip) => {
          const headers = await signWebhook({ body: BODY, secret, timestamp: TS });
          const i = at % secret.length;
          const other = `${secret.slice(0, i)}${String.fromCharCode(secret.charCodeAt(i) ^ flip)}${secret.slice(i + 1)}`;
          const error = await failure(verifyWebhook({ body: BODY, headers, secret: other, now: NOW }));
          expect(error.code).toBe('invalid_signature');
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('signature header', () => {
  const good = oracle(SECRET, String(TS), BODY);

  it.each([
    ['a bad value before the good one', `v1=${'0'.repeat(64)}, v1=${good}`],
    ['the good value first', `v1=${good},v1=${'f'.repeat(64)}`],
    ['spaces around every part', `  v0=abc ,   v1=${good}  `],
    ['upper-case hex (Peeker does not document the case)', `v1=${good.toUpperCase()}`],
  ])('accepts %s', async (_name, signature) => {
    await expect(
      verifyWebhook({ body: BODY, headers: { 'peeker-timestamp': String(TS), 'peeker-signature': signature }, secret: SECRET, now: NOW }),
    ).resolves.toEqual(EVENT);
  });

  it.each([
    ['a v0= value with the right hex', `v0=${good}`],
    ['v1 without the prefix', good],
    ['a V1= prefix (prefixes are exact)', `V1=${good}`],
    ['a truncated value', `v1=${good.slice(0, 63)}`],
    ['a value with an extra character', `v1=${good}0`],
    ['no v1 value at all', 'v2=abc'],
    ['the first hex digit changed', `v1=${good[0] === '0' ? '1' : '0'}${good.slice(1)}`],
    ['a middle hex digit changed', `v1=${good.slice(0, 31)}${good[31] === '0' ? '1' : '0'}${good.slice(32)}`],
    ['the last hex digit changed', `v1=${good.slice(0, 63)}${good[63] === '0' ? '1' : '0'}`],
  ])('rejects %s as invalid_signature', async (_name, signature) => {
    const error = await failure(
      verifyWebhook({ body: BODY, headers: { 'peeker-timestamp': String(TS), 'peeker-signature': signature }, secret: SECRET, now: NOW }),
    );
    expect(error.code).toBe('invalid_signature');
  });

  it('supports rotation: several secrets on either side', async () => {
    const [oldSecret, newSecret, unrelated] = ['whsec_old', 'whsec_new', 'whsec_other'];
    const both = await signWebhook({ body: BODY, secret: [oldSecret, newSecret], timestamp: TS });
    expect(both['Peeker-Signature'].split(',')).toHaveLength(2);
    for (const secret of [oldSecret, newSecret, [unrelated, newSecret], [oldSecret, unrelated]]) {
      await expect(verifyWebhook({ body: BODY, headers: both, secret, now: NOW })).resolves.toEqual(EVENT);
    }
    // A handler that receives live and sandbox deliveries tries each secret.
    const sandbox = await signWebhook({ body: BODY, secret: 'whsec_sandbox', timestamp: TS });
    await expect(
      verifyWebhook({ body: BODY, headers: sandbox, secret: ['whsec_live', 'whsec_sandbox'], now: NOW }),
    ).resolves.toEqual(EVENT);
    const error = await failure(verifyWebhook({ body: BODY, headers: both, secret: [unrelated, 'whsec_x'], now: NOW }));
    expect(error.code).toBe('invalid_signature');
  });
});

describe('header containers', () => {
  it('matches upper-case and mixed-case names in a plain object', async () => {
    const h = headersFor();
    for (const headers of [
      { 'PEEKER-TIMESTAMP': h['peeker-timestamp'], 'PEEKER-SIGNATURE': h['peeker-signature'] },
      { 'Peeker-Timestamp': h['peeker-timestamp'], 'pEeKeR-sIgNaTuRe': h['peeker-signature'] },
    ]) {
      await expect(verifyWebhook({ body: BODY, headers, secret: SECRET, now: NOW })).resolves.toEqual(EVENT);
    }
  });

  it('reads a Fetch Headers object (names case-insensitive, repeated values joined)', async () => {
    const h = headersFor();
    const headers = new Headers();
    headers.set('PEEKER-TIMESTAMP', h['peeker-timestamp'] as string);
    headers.append('Peeker-Signature', `v1=${'1'.repeat(64)}`);
    headers.append('peeker-signature', h['peeker-signature'] as string);
    await expect(verifyWebhook({ body: BODY, headers, secret: SECRET, now: NOW })).resolves.toEqual(EVENT);
  });

  it('reads string[] values (Node IncomingHttpHeaders shape) and ignores unrelated array headers', async () => {
    const h = headersFor();
    const headers: IncomingHttpHeaders = {
      'set-cookie': ['a=1', 'b=2'],
      'content-type': 'application/json',
      'x-missing': undefined,
      'peeker-timestamp': [h['peeker-timestamp'] as string],
      'peeker-signature': ['v0=ignored', `v1=${'2'.repeat(64)}`, h['peeker-signature'] as string],
    };
    await expect(verifyWebhook({ body: BODY, headers, secret: SECRET, now: NOW })).resolves.toEqual(EVENT);
  });

  it('rejects two different timestamps given as an array', async () => {
    const h = headersFor();
    const error = await failure(
      verifyWebhook({
        body: BODY,
        headers: { 'peeker-timestamp': [String(TS), String(TS + 1)], 'peeker-signature': h['peeker-signature'] },
        secret: SECRET,
        now: NOW,
      }),
    );
    expect(error.code).toBe('invalid_timestamp');
  });
});

describe('body forms', () => {
  it('accepts a Uint8Array view with a byte offset, a Buffer and an ArrayBuffer', async () => {
    const bytes = new TextEncoder().encode(BODY);
    const padded = new Uint8Array(bytes.length + 7);
    padded.set(bytes, 3);
    const view = padded.subarray(3, 3 + bytes.length);
    const headers = headersFor();
    for (const body of [view, Buffer.from(BODY, 'utf8'), bytes.buffer.slice(0) as ArrayBuffer]) {
      await expect(verifyWebhook({ body, headers, secret: SECRET, now: NOW })).resolves.toEqual(EVENT);
    }
  });

  it('signs the bytes, not a re-serialisation: whitespace and key order matter', async () => {
    const pretty = JSON.stringify(EVENT, null, 2);
    const headers = headersFor(pretty);
    await expect(verifyWebhook({ body: pretty, headers, secret: SECRET, now: NOW })).resolves.toEqual(EVENT);
    const error = await failure(verifyWebhook({ body: BODY, headers, secret: SECRET, now: NOW }));
    expect(error.code).toBe('invalid_signature');
  });

  it('signs non-ASCII text as UTF-8 identically from a string and from its bytes', async () => {
    const body = JSON.stringify({ ...EVENT, data: { name: 'Zoë 👋 Ünïcødé' } });
    const fromString = await signWebhook({ body, secret: 'sëcret', timestamp: TS });
    const fromBytes = await signWebhook({ body: new TextEncoder().encode(body), secret: 'sëcret', timestamp: TS });
    expect(fromBytes).toEqual(fromString);
    expect(fromString['Peeker-Signature']).toBe(`v1=${oracle('sëcret', String(TS), body)}`);
  });
});

describe('timestamp tolerance', () => {
  const headers = headersFor();

  it.each([
    ['exactly now', NOW],
    ['300 s later (boundary, inclusive)', NOW + 300_000],
    ['300 s earlier (boundary, inclusive)', NOW - 300_000],
    ['299.999 s later', NOW + 299_999],
  ])('accepts a delivery checked %s', async (_name, now) => {
    await expect(verifyWebhook({ body: BODY, headers, secret: SECRET, now })).resolves.toEqual(EVENT);
  });

  it.each([
    ['1 ms past the boundary, late', NOW + 300_001],
    ['1 ms past the boundary, early (clock skew the other way)', NOW - 300_001],
    ['an hour late', NOW + 3_600_000],
  ])('rejects a delivery checked %s', async (_name, now) => {
    const error = await failure(verifyWebhook({ body: BODY, headers, secret: SECRET, now }));
    expect(error.code).toBe('timestamp_out_of_tolerance');
  });

  it('honours toleranceSeconds and a clock function', async () => {
    let reads = 0;
    const clock = (): number => {
      reads += 1;
      return NOW + 10_000;
    };
    await expect(verifyWebhook({ body: BODY, headers, secret: SECRET, now: clock, toleranceSeconds: 10 })).resolves.toEqual(EVENT);
    expect(reads).toBe(1);
    const error = await failure(verifyWebhook({ body: BODY, headers, secret: SECRET, now: clock, toleranceSeconds: 9 }));
    expect(error.code).toBe('timestamp_out_of_tolerance');
  });

  it('checks the tolerance before the signature (a stale replay is reported as such)', async () => {
    const error = await failure(
      verifyWebhook({ body: BODY, headers: { ...headers, 'peeker-signature': 'v1=00' }, secret: SECRET, now: NOW + 301_000 }),
    );
    expect(error.code).toBe('timestamp_out_of_tolerance');
  });
});

describe('failure codes', () => {
  const h = headersFor();

  it.each([
    ['no Peeker-Timestamp', { 'peeker-signature': h['peeker-signature'] }],
    ['no Peeker-Signature', { 'peeker-timestamp': h['peeker-timestamp'] }],
    ['an empty Peeker-Signature', { 'peeker-timestamp': h['peeker-timestamp'], 'peeker-signature': '  ' }],
    ['an empty Peeker-Timestamp', { 'peeker-timestamp': '', 'peeker-signature': h['peeker-signature'] }],
    ['an empty string[] value', { 'peeker-timestamp': h['peeker-timestamp'], 'peeker-signature': [] as string[] }],
    ['no headers at all', {}],
  ])('missing_header: %s', async (_name, headers) => {
    const error = await failure(verifyWebhook({ body: BODY, headers, secret: SECRET, now: NOW }));
    expect(error.code).toBe('missing_header');
  });

  it.each(['1778241600.5', '-1778241600', '1.7e9', 'abc', '0x6a1d2d40', '1778241600s', '17782416 00', '99999999999999999999'])(
    'invalid_timestamp: %j',
    async (timestamp) => {
      const error = await failure(
        verifyWebhook({
          body: BODY,
          headers: { 'peeker-timestamp': timestamp, 'peeker-signature': h['peeker-signature'] },
          secret: SECRET,
          now: NOW,
        }),
      );
      expect(error.code).toBe('invalid_timestamp');
    },
  );

  it('invalid_signature: signed with another secret', async () => {
    const error = await failure(verifyWebhook({ body: BODY, headers: headersFor(BODY, 'whsec_other'), secret: SECRET, now: NOW }));
    expect(error.code).toBe('invalid_signature');
    expect(error.message).not.toContain(SECRET);
  });

  const bad: [string, string | Uint8Array][] = [
    ['not JSON', 'hello'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])],
    ['a JSON array', '[1,2]'],
    ['JSON null', 'null'],
    ['a JSON string', '"evt_1"'],
    ['no id', JSON.stringify({ type: 'order.completed', data: {} })],
    ['an id without evt_', JSON.stringify({ ...EVENT, id: 'ord_1' })],
    ['a numeric id', JSON.stringify({ ...EVENT, id: 12 })],
    ['no type', JSON.stringify({ id: 'evt_1', data: {} })],
    ['a numeric type', JSON.stringify({ ...EVENT, type: 3 })],
    ['an empty type', JSON.stringify({ ...EVENT, type: '' })],
    ['no data', JSON.stringify({ id: 'evt_1', type: 'order.completed' })],
    ['array data', JSON.stringify({ ...EVENT, data: [] })],
    ['null data', JSON.stringify({ ...EVENT, data: null })],
    ['a numeric created_at', JSON.stringify({ ...EVENT, created_at: 1778241600 })],
  ];
  it.each(bad)('invalid_payload: %s (after a valid signature)', async (_name, body) => {
    const error = await failure(verifyWebhook({ body, headers: headersFor(body), secret: SECRET, now: NOW }));
    expect(error.code).toBe('invalid_payload');
  });

  it('does not parse the body before the signature holds', async () => {
    const error = await failure(verifyWebhook({ body: 'not json', headers: h, secret: SECRET, now: NOW }));
    expect(error.code).toBe('invalid_signature');
  });
});

describe('payload shapes', () => {
  it('exposes the older data.order nesting as-is, keeps unknown fields, and accepts unknown event types', async () => {
    const older = { id: 'evt_2', type: 'order.completed', created_at: '2026-05-08T12:00:00Z', data: { order: { id: 'ord_1', status: 'completed' } } };
    const body = JSON.stringify(older);
    await expect(verifyWebhook({ body, headers: headersFor(body), secret: SECRET, now: NOW })).resolves.toEqual(older);

    const future = { id: 'evt_3', type: 'domain.renewed', data: { id: 'dom_1' }, livemode: false };
    const body2 = JSON.stringify(future);
    await expect(verifyWebhook({ body: body2, headers: headersFor(body2), secret: SECRET, now: NOW })).resolves.toEqual(future);
  });
});

describe('argument types', () => {
  const h = headersFor();
  it.each([
    ['options null', null],
    ['a numeric body', { body: 42, headers: h, secret: SECRET, now: NOW }],
    ['a parsed-object body', { body: EVENT, headers: h, secret: SECRET, now: NOW }],
    ['null headers', { body: BODY, headers: null, secret: SECRET, now: NOW }],
    ['an empty secret', { body: BODY, headers: h, secret: '', now: NOW }],
    ['an empty secret list', { body: BODY, headers: h, secret: [], now: NOW }],
    ['a non-string secret in a list', { body: BODY, headers: h, secret: [SECRET, 7], now: NOW }],
    ['a negative tolerance', { body: BODY, headers: h, secret: SECRET, now: NOW, toleranceSeconds: -1 }],
    ['a NaN tolerance', { body: BODY, headers: h, secret: SECRET, now: NOW, toleranceSeconds: Number.NaN }],
    ['a string clock', { body: BODY, headers: h, secret: SECRET, now: '2026-05-08' }],
    ['a clock returning NaN', { body: BODY, headers: h, secret: SECRET, now: () => Number.NaN }],
  ])('rejects %s with a TypeError', async (_name, options) => {
    await expect(verifyWebhook(options as never)).rejects.toThrow(TypeError);
  });

  it('never puts a secret into a TypeError', async () => {
    const error = await verifyWebhook({ body: BODY, headers: h, secret: ['whsec_visible?', 5] as never, now: NOW }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).not.toContain('whsec_visible?');
  });
});
