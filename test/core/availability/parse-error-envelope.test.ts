import { describe, expect, it } from 'vitest';
import { PeekerApiError } from '../../../packages/core/src/errors/peeker-api-error.ts';
import { PeekerError } from '../../../packages/core/src/errors/peeker-error.ts';
import { parseErrorEnvelope } from '../../../packages/core/src/internal/parse-error-envelope.ts';

describe('parseErrorEnvelope', () => {
  it('reads the documented envelope', () => {
    const body = JSON.stringify({
      error: {
        code: 'domain_count_mismatch',
        message: 'Submitted domain count does not match the order plan',
        field: 'domains',
        details: { required_count: 4, submitted_count: 2, missing_count: 2 },
      },
    });
    const error = parseErrorEnvelope(400, body, { requestId: 'req_01HZX0E5K7N9P2Q4R6S8T0U1V3' });
    expect(error).toBeInstanceOf(PeekerApiError);
    expect(PeekerError.is(error)).toBe(true);
    expect(error).toMatchObject({
      status: 400,
      code: 'domain_count_mismatch',
      message: 'Submitted domain count does not match the order plan',
      field: 'domains',
      details: { required_count: 4, submitted_count: 2, missing_count: 2 },
      requestId: 'req_01HZX0E5K7N9P2Q4R6S8T0U1V3',
      retryable: false,
      retryAfterMs: undefined,
    });
  });

  it('turns 429 details.retry_after_seconds into retryAfterMs, ahead of a Retry-After header', () => {
    const body = JSON.stringify({
      error: { code: 'rate_limited', message: 'API rate limit exceeded', details: { retry_after_seconds: 12 } },
    });
    const error = parseErrorEnvelope(429, body, { retryAfter: '99' });
    expect(error).toMatchObject({ code: 'rate_limited', retryable: true, retryAfterMs: 12_000 });
  });

  it.each([
    ['7', 7000],
    ['0', 0],
    ['1.5', 1500],
    ['Thu, 01 Jan 1970 00:00:30 GMT', 20_000],
    ['Thu, 01 Jan 1970 00:00:01 GMT', 0],
    ['soon', undefined],
    [null, undefined],
  ])('reads a Retry-After header %j as %j ms', (header, expected) => {
    const error = parseErrorEnvelope(503, '', { retryAfter: header }, () => 10_000);
    expect(error.retryAfterMs).toBe(expected);
  });

  it.each([
    [400, 'invalid_request', false],
    [401, 'unauthorized', false],
    [403, 'forbidden', false],
    [404, 'not_found', false],
    [409, 'http_error', false],
    [429, 'rate_limited', true],
    [500, 'server_error', true],
    [504, 'server_error', true],
  ])('falls back to the status for a body without an envelope (%i → %s)', (status, code, retryable) => {
    for (const body of ['', '<html>oops</html>', '{"message":"x"}', '{"error":"flat string"}', 'null']) {
      const error = parseErrorEnvelope(status, body);
      expect(error).toMatchObject({ status, code, retryable });
      expect(error.message).toBe(`HTTP ${status} without an error envelope`);
    }
  });

  it('keeps unknown codes and fills a missing message', () => {
    const error = parseErrorEnvelope(422, JSON.stringify({ error: { code: 'name_unavailable' } }));
    expect(error).toMatchObject({ status: 422, code: 'name_unavailable', message: 'HTTP 422 (name_unavailable)' });
  });

  it('ignores malformed optional parts', () => {
    const error = parseErrorEnvelope(
      400,
      JSON.stringify({ error: { code: 7, message: ['x'], field: 3, details: 'nope' } }),
      { requestId: '' },
    );
    expect(error).toMatchObject({ code: 'invalid_request', field: undefined, details: undefined, requestId: undefined });
  });
});
