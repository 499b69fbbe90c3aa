/** Orders (docs/peeker-api.md §5): create (with 24 h replay), list, get, cancel, pending actions. */
import { invalidRequest } from '../errors.ts';
import { paginate } from '../pagination.ts';
import type { Route } from '../sandbox-context.ts';
import { validateOrder } from '../validate-order.ts';

/** Order routes (literal paths before `{id}`). */
export const orderRoutes: readonly Route[] = [
  {
    method: 'POST',
    pattern: '/orders',
    handle: ({ ctx, body, rawBody }) => {
      if (body === undefined) throw invalidRequest('The request body must be a JSON object');
      const replay = ctx.orders.findReplay(rawBody, body);
      if (replay !== undefined) return { status: 200, json: { data: replay } };
      const plan = validateOrder(body, { bundles: ctx.bundles, users: ctx.users, oracle: ctx.oracle });
      return { status: 200, json: { data: ctx.orders.create(plan, rawBody, body) } };
    },
  },
  {
    method: 'GET',
    pattern: '/orders',
    handle: ({ ctx, query, apiRoot }) => {
      const filters = {
        user_id: query.get('user_id') ?? undefined,
        user_email: query.get('user_email') ?? undefined,
        bundle_id: query.get('bundle_id') ?? undefined,
        status: query.get('status') ?? undefined,
      };
      return { status: 200, json: paginate(ctx.orders.list(filters), query, `${apiRoot}/orders`, filters) };
    },
  },
  {
    method: 'GET',
    pattern: '/orders/pending',
    handle: ({ ctx, query, apiRoot }) => {
      const status = query.get('status') ?? 'open';
      if (status !== 'open' && status !== 'resolved') throw invalidRequest('status must be open or resolved', 'status');
      const filters = {
        order_id: query.get('order_id') ?? undefined,
        user: query.get('user') ?? undefined,
        domain_id: query.get('domain_id') ?? undefined,
      };
      const rows = ctx.orders.pending({ ...filters, status });
      return { status: 200, json: paginate(rows, query, `${apiRoot}/orders/pending`, { ...filters, status: query.get('status') ?? undefined }) };
    },
  },
  {
    method: 'GET',
    pattern: '/orders/{id}',
    handle: ({ ctx, params }) => ({ status: 200, json: { data: ctx.orders.full(params.id as string) } }),
  },
  {
    method: 'POST',
    pattern: '/orders/{id}/cancel',
    handle: ({ ctx, params, body }) => ({ status: 200, json: { data: ctx.orders.cancel(params.id as string, body) } }),
  },
];
