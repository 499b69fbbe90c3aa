/** Users (docs/peeker-api.md §6). */
import { invalidRequest } from '../errors.ts';
import { paginate } from '../pagination.ts';
import type { Route } from '../sandbox-context.ts';
import { requireBody } from '../validate.ts';

/** User routes. */
export const userRoutes: readonly Route[] = [
  {
    method: 'POST',
    pattern: '/users',
    handle: ({ ctx, body }) => ({ status: 201, json: { data: ctx.users.create(requireBody(body)) } }),
  },
  {
    method: 'GET',
    pattern: '/users',
    handle: ({ ctx, query, apiRoot }) => {
      const email = query.get('email') ?? undefined;
      const status = query.get('status') ?? undefined;
      if (status !== undefined && status !== 'active' && status !== 'deleted') throw invalidRequest('status must be active or deleted', 'status');
      return { status: 200, json: paginate(ctx.users.list({ email, status }), query, `${apiRoot}/users`, { email, status }) };
    },
  },
  {
    method: 'GET',
    pattern: '/users/{id}',
    handle: ({ ctx, params }) => ({ status: 200, json: { data: ctx.users.get(params.id as string) } }),
  },
  {
    method: 'PATCH',
    pattern: '/users/{id}',
    handle: ({ ctx, params, body }) => ({ status: 200, json: { data: ctx.users.update(params.id as string, requireBody(body)) } }),
  },
];
