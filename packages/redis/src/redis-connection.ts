/**
 * One Redis connection per process, with a timeout on every command and a short circuit
 * breaker. Internal: not exported from the package.
 */
import { createHash } from 'node:crypto';
import { PeekerError } from '@peeker/core';

/**
 * The one method the stores need from a Redis client: send a raw command. A node-redis
 * (`redis` / `@redis/client`) client has it; wrap other clients in an object with it
 * (ioredis: `{ sendCommand: (args) => client.call(...args) }`).
 */
export interface RedisCommandClient {
  /**
   * Sends one command.
   * @param args - the command and its arguments, e.g. `['GET', 'k']`
   * @returns the reply
   */
  sendCommand(args: string[]): Promise<unknown>;
}

/** Settings shared by the stores of one connection. */
export interface RedisConnectionSettings {
  client: RedisCommandClient;
  commandTimeoutMs: number;
  /** After a failed command, Redis is skipped (answers fail at once) for this long. */
  cooldownMs: number;
  onWarning: (message: string, error?: unknown) => void;
  now: () => number;
}

/** The command runner shared by the stores. */
export interface RedisConnection {
  /**
   * Sends a command with a timeout; rejects with a `PeekerError` code `redis_unavailable`
   * when Redis failed, timed out, or failed less than `cooldownMs` ago.
   */
  run(args: string[]): Promise<unknown>;
  /** Runs a Lua script by its SHA1, loading it on `NOSCRIPT`. */
  script(source: string, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown>;
  /** True while Redis is considered down (a failure less than `cooldownMs` ago). */
  readonly degraded: boolean;
  /** When the last failure happened, epoch ms (`-Infinity` when never). */
  readonly lastFailureAt: number;
}

/** Creates the runner. */
export function createRedisConnection(settings: RedisConnectionSettings): RedisConnection {
  const { client, commandTimeoutMs, cooldownMs, onWarning, now } = settings;
  let downUntil = -Infinity;
  let lastFailureAt = -Infinity;
  let warned = false;
  const shas = new Map<string, string>();

  const unavailable = (message: string, cause?: unknown): PeekerError =>
    new PeekerError('redis_unavailable', message, { cause, retryable: true });

  const fail = (error: unknown): never => {
    const at = now();
    lastFailureAt = at;
    downUntil = at + cooldownMs;
    if (!warned) {
      warned = true; // once per outage, not once per command
      onWarning('[peeker/redis] Redis is unavailable; stores fall back as documented', error);
    }
    throw PeekerError.is(error) && error.code === 'redis_unavailable' ? error : unavailable('Redis did not answer', error);
  };

  const run = async (args: string[]): Promise<unknown> => {
    if (now() < downUntil) throw unavailable('Redis is unavailable (recent failure)');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(unavailable(`Redis did not answer within ${commandTimeoutMs} ms`)), commandTimeoutMs);
    });
    try {
      const reply = await Promise.race([client.sendCommand(args), timeout]);
      if (warned) {
        warned = false;
        onWarning('[peeker/redis] Redis is back');
      }
      return reply;
    } catch (error) {
      // A script-level error (NOSCRIPT, WRONGTYPE) is an answer, not an outage.
      if (error instanceof Error && /^(NOSCRIPT|WRONGTYPE|ERR )/.test(error.message)) throw error;
      return fail(error);
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    run,
    async script(source, keys, args) {
      let sha = shas.get(source);
      if (sha === undefined) {
        sha = createHash('sha1').update(source).digest('hex');
        shas.set(source, sha);
      }
      const tail = [String(keys.length), ...keys, ...args.map(String)];
      try {
        return await run(['EVALSHA', sha, ...tail]);
      } catch (error) {
        if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
        return run(['EVAL', source, ...tail]); // loads it for the next EVALSHA
      }
    },
    get degraded() {
      return now() < downUntil;
    },
    get lastFailureAt() {
      return lastFailureAt;
    },
  };
}
