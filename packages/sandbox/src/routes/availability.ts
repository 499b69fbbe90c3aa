/**
 * `POST /domains/availability` (docs/peeker-api.md §4): at most 50 names (more: 400
 * `invalid_request`, a sandbox decision), one row per submitted name in submitted order,
 * deterministic answers from the seed; stale/errored rows only when faults ask for them.
 */
import type { AvailabilityRow } from '@peeker/core';
import { invalidRequest } from '../errors.ts';
import type { Route } from '../sandbox-context.ts';
import { requireBody } from '../validate.ts';

/** Most names per call. */
export const MAX_AVAILABILITY_NAMES = 50;

/** Availability route. */
export const availabilityRoutes: readonly Route[] = [
  {
    method: 'POST',
    pattern: '/domains/availability',
    limitedMayCall: true,
    handle: ({ ctx, body }) => {
      const { domains } = requireBody(body);
      if (!Array.isArray(domains)) throw invalidRequest('domains must be an array of domain names', 'domains');
      if (domains.length > MAX_AVAILABILITY_NAMES) {
        throw invalidRequest(`At most ${MAX_AVAILABILITY_NAMES} names per call`, 'domains', {
          max_count: MAX_AVAILABILITY_NAMES,
          submitted_count: domains.length,
        });
      }
      const bad = domains.findIndex((d) => typeof d !== 'string');
      if (bad !== -1) throw invalidRequest('Every entry must be a string', `domains[${bad}]`);
      const rows = (domains as string[]).map((name): AvailabilityRow => {
        const row = ctx.oracle.lookup(name);
        if (row.reason === 'invalid') return row;
        const fault = ctx.faults.rowFault();
        if (fault !== undefined) return { domain: row.domain, available: false, premium: row.premium === true, reason: fault };
        return row;
      });
      ctx.stats.availabilityNames += domains.length;
      return { status: 200, json: { data: { domains: rows } } };
    },
  },
];
