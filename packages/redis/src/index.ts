/**
 * `@peeker/redis`: Redis stores for `@peeker/core/server`, so that every backend instance of
 * one Peeker key shares one availability cache, one 600/min request budget, one webhook
 * dedupe record and one order idempotency record. Server-only (Node); never bundled for
 * browsers. Every public name is listed by hand.
 * @packageDocumentation
 */
export { createRedisStores } from './create-redis-stores.ts';
export type { RedisStores, RedisStoresOptions } from './create-redis-stores.ts';
export type { RedisCommandClient } from './redis-connection.ts';
