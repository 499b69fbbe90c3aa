/** `GET /me` (docs/peeker-api.md §1.2). */
import type { Route } from '../sandbox-context.ts';

/** The `/me` route. */
export const meRoutes: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/me',
    handle: ({ ctx, preset }) => ({
      status: 200,
      json: { data: { api_key: { environment: 'test', permission_preset: preset }, partner: { ...ctx.partner } } },
    }),
  },
];
