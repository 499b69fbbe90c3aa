/** `GET /domains`, `POST /domains/forwarding`, `GET /domains/forwarding/{id}` (docs/peeker-api.md §7). */
import { invalidRequest } from '../errors.ts';
import { paginate } from '../pagination.ts';
import type { Route } from '../sandbox-context.ts';
import { requireBody } from '../validate.ts';

/** Most ids or names per forwarding request. */
export const MAX_FORWARDING_DOMAINS = 25;

/** Domain routes. */
export const domainRoutes: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/domains',
    handle: ({ ctx, query, apiRoot }) => {
      const filters = {
        category: query.get('category') ?? undefined,
        user_id: query.get('user_id') ?? undefined,
        user_email: query.get('user_email') ?? undefined,
        usable_for: query.get('usable_for') ?? undefined,
        status: query.get('status') ?? undefined,
      };
      if (filters.category !== undefined && filters.category !== 'inventory' && filters.category !== 'connected') {
        throw invalidRequest('category must be inventory or connected', 'category');
      }
      if (filters.usable_for !== undefined && filters.usable_for !== 'google' && filters.usable_for !== 'microsoft') {
        throw invalidRequest('usable_for must be google or microsoft', 'usable_for');
      }
      let userIds: string[] | undefined;
      if (filters.user_email !== undefined) {
        const user = ctx.users.findByEmail(filters.user_email);
        userIds = user === undefined ? [] : [user.id];
      }
      const rows = ctx.domains.list({ ...filters, user_ids: userIds });
      return { status: 200, json: paginate(rows, query, `${apiRoot}/domains`, filters) };
    },
  },
  {
    method: 'POST',
    pattern: '/domains/forwarding',
    handle: ({ ctx, body }) => {
      const { domains, forwarding_url: url } = requireBody(body);
      if (!Array.isArray(domains) || domains.length === 0) throw invalidRequest('domains must list 1 to 25 ids or names', 'domains');
      if (domains.length > MAX_FORWARDING_DOMAINS) {
        throw invalidRequest(`At most ${MAX_FORWARDING_DOMAINS} domains per request; split longer lists`, 'domains', {
          max_count: MAX_FORWARDING_DOMAINS,
          submitted_count: domains.length,
        });
      }
      const bad = domains.findIndex((d) => typeof d !== 'string' || d.trim() === '');
      if (bad !== -1) throw invalidRequest('Every entry must be a domain name or dom_ id', `domains[${bad}]`);
      if (typeof url !== 'string' || url.trim() === '') throw invalidRequest('forwarding_url is required', 'forwarding_url');
      const job = ctx.domains.createForwardingJob(domains as string[], url.trim());
      ctx.schedule(() => {
        const { job: done, updated, failed } = ctx.domains.finishForwardingJob(job.id);
        for (const d of updated) ctx.webhooks.emit('domain.forwarding_updated', { id: d.id, domain: d.domain, forwarding_url: d.forwarding_url, job_id: done.id });
        for (const f of failed) ctx.webhooks.emit('domain.forwarding_failed', { domain: f.domain, reason: f.reason, job_id: done.id });
      }, ctx.progressMs);
      return { status: 202, json: { data: job } };
    },
  },
  {
    method: 'GET',
    pattern: '/domains/forwarding/{id}',
    handle: ({ ctx, params }) => ({ status: 200, json: { data: ctx.domains.getForwardingJob(params.id as string) } }),
  },
];
