import { createHmac } from 'node:crypto';
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { constantTimeEqual } from '../../../packages/core/src/webhooks/constant-time.ts';
import { bytesToHex } from '../../../packages/core/src/webhooks/hex.ts';
import { hmacSha256Hex } from '../../../packages/core/src/webhooks/hmac.ts';
import { signWebhook } from '../../../packages/core/src/webhooks/sign-webhook.ts';

describe('signWebhook', () => {
  it('signs "<timestamp>.<body>" with HMAC-SHA256 as lower-case hex behind v1=', async () => {
    const body = '{"id":"evt_1","type":"order.completed","data":{}}';
    const headers = await signWebhook({ body, secret: 'whsec_abc', timestamp: 1_700_000_000 });
    const expected = createHmac('sha256', 'whsec_abc').update(`1700000000.${body}`).digest('hex');
    expect(headers).toEqual({ 'Peeker-Timestamp': '1700000000', 'Peeker-Signature': `v1=${expected}` });
    expect(headers['Peeker-Signature']).toMatch(/^v1=[0-9a-f]{64}$/);
    expect('Peeker-Event-Id' in headers).toBe(false);
  });

  it('adds Peeker-Event-Id only when eventId is given', async () => {
    const headers = await signWebhook({ body: '{}', secret: 's', timestamp: 1, eventId: 'evt_42' });
    expect(headers['Peeker-Event-Id']).toBe('evt_42');
    // The object is usable as fetch/Headers init as it is.
    const init = new Headers(headers);
    expect(init.get('peeker-event-id')).toBe('evt_42');
    expect(init.get('peeker-timestamp')).toBe('1');
  });

  it('reads the injectable clock only when no timestamp is given, flooring to whole seconds', async () => {
    let reads = 0;
    const now = (): number => {
      reads += 1;
      return 1_700_000_000_999;
    };
    expect((await signWebhook({ body: '{}', secret: 's', now }))['Peeker-Timestamp']).toBe('1700000000');
    expect(reads).toBe(1);
    expect((await signWebhook({ body: '{}', secret: 's', now, timestamp: 5 }))['Peeker-Timestamp']).toBe('5');
    expect(reads).toBe(1);
    expect((await signWebhook({ body: '{}', secret: 's', now: 2_000 }))['Peeker-Timestamp']).toBe('2');
  });

  it('writes one v1 value per secret, in order, comma-separated', async () => {
    const headers = await signWebhook({ body: 'x', secret: ['a', 'b'], timestamp: 9 });
    const mac = (k: string): string => createHmac('sha256', k).update('9.x').digest('hex');
    expect(headers['Peeker-Signature']).toBe(`v1=${mac('a')},v1=${mac('b')}`);
  });

  it.each([
    ['a fractional timestamp', { body: '{}', secret: 's', timestamp: 1.5 }],
    ['a negative timestamp', { body: '{}', secret: 's', timestamp: -1 }],
    ['a string timestamp', { body: '{}', secret: 's', timestamp: '1700000000' }],
    ['an empty secret', { body: '{}', secret: '', timestamp: 1 }],
    ['a missing secret', { body: '{}', timestamp: 1 }],
    ['an object body', { body: { id: 'evt_1' }, secret: 's', timestamp: 1 }],
    ['an empty eventId', { body: '{}', secret: 's', timestamp: 1, eventId: '' }],
    ['a numeric eventId', { body: '{}', secret: 's', timestamp: 1, eventId: 7 }],
    ['no options', undefined],
  ])('rejects %s with a TypeError', async (_name, options) => {
    await expect(signWebhook(options as never)).rejects.toThrow(TypeError);
  });
});

describe('internal crypto helpers', () => {
  it('hmacSha256Hex matches RFC 4231 test case 2', async () => {
    const data = new TextEncoder().encode('what do ya want for nothing?');
    await expect(hmacSha256Hex('Jefe', data)).resolves.toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('bytesToHex is lower-case, two digits per byte (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect(bytesToHex(bytes)).toBe(Buffer.from(bytes).toString('hex'));
      }),
    );
  });

  it('constantTimeEqual agrees with === (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (a, b) => {
        expect(constantTimeEqual(a, b)).toBe(a === b);
        expect(constantTimeEqual(a, a)).toBe(true);
      }),
    );
  });

  it('constantTimeEqual sees a difference at any position of a 64-character value (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{64}$/), fc.nat(63), (hex, at) => {
        const other = `${hex.slice(0, at)}${hex[at] === 'a' ? 'b' : 'a'}${hex.slice(at + 1)}`;
        expect(constantTimeEqual(hex, other)).toBe(false);
        expect(constantTimeEqual(other, hex)).toBe(false);
      }),
    );
  });
});
