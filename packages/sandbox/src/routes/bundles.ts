/** Bundles CRUD and list (docs/peeker-api.md §3). */
import { invalidRequest } from '../errors.ts';
import { paginate } from '../pagination.ts';
import type { Route } from '../sandbox-context.ts';
import { requireBody } from '../validate.ts';

/** Bundle routes. */
export const bundleRoutes: readonly Route[] = [
  {
    method: 'POST',
    pattern: '/bundles',
    handle: ({ ctx, body }) => ({ status: 201, json: { data: ctx.bundles.create(requireBody(body)) } }),
  },
  {
    method: 'GET',
    pattern: '/bundles',
    handle: ({ ctx, query, apiRoot }) => {
      const status = query.get('status') ?? undefined;
      if (status !== undefined && status !== 'active' && status !== 'archived') {
        throw invalidRequest('status must be active or archived', 'status');
      }
      return { status: 200, json: paginate(ctx.bundles.list(status), query, `${apiRoot}/bundles`, { status }) };
    },
  },
  {
    method: 'GET',
    pattern: '/bundles/{id}',
    handle: ({ ctx, params }) => ({ status: 200, json: { data: ctx.bundles.get(params.id as string) } }),
  },
  {
    method: 'PATCH',
    pattern: '/bundles/{id}',
    handle: ({ ctx, params, body }) => ({ status: 200, json: { data: ctx.bundles.update(params.id as string, requireBody(body)) } }),
  },
  {
    method: 'DELETE',
    pattern: '/bundles/{id}',
    handle: ({ ctx, params }) => {
      const result = ctx.bundles.remove(params.id as string);
      const json: Record<string, unknown> = { data: result };
      if (result.status === 'archived') json.message = 'The bundle was used by an order, so it was archived instead of deleted';
      return { status: 200, json };
    },
  },
];
