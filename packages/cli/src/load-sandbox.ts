/**
 * Loads `@peeker/sandbox` for the CLI's no-key mode: a dependency of `@peeker/cli`, imported
 * only when no key is set (a run against the Peeker API never loads it). The few members the
 * CLI uses are described structurally (`SandboxModule`), so tests can inject a loader.
 */
import type { RunningSandbox, SandboxModule } from './cli-io.ts';

const SANDBOX_PACKAGE = '@peeker/sandbox';

/** Thrown when `@peeker/sandbox` is not installed. */
export class SandboxMissingError extends Error {
  constructor(cause: unknown) {
    super(
      `The embedded sandbox needs the ${SANDBOX_PACKAGE} package, which is not installed.\n` +
        `Install it (npm i -D ${SANDBOX_PACKAGE}), or set PEEKER_API_KEY to use the Peeker API.`,
      { cause },
    );
    this.name = 'SandboxMissingError';
  }
}

/** The default loader: a dynamic import of `@peeker/sandbox`. */
export async function importSandbox(): Promise<SandboxModule> {
  return (await import('@peeker/sandbox')) as SandboxModule;
}

/**
 * Starts the local sandbox on a free loopback port.
 * @param load - how to load `@peeker/sandbox` (default {@link importSandbox})
 * @returns the running sandbox
 * @throws SandboxMissingError when `@peeker/sandbox` cannot be found
 * @throws Error "Could not load @peeker/sandbox: …" when it is found but fails to load
 */
export async function startEmbeddedSandbox(load: () => Promise<SandboxModule> = importSandbox): Promise<RunningSandbox> {
  let mod: SandboxModule;
  try {
    mod = await load();
  } catch (error) {
    const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
    const notFound = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
    if (notFound && String(message).includes(`'${SANDBOX_PACKAGE}'`)) throw new SandboxMissingError(error);
    throw new Error(`Could not load ${SANDBOX_PACKAGE}: ${String(message)}`, { cause: error });
  }
  if (typeof mod?.startSandbox !== 'function') {
    throw new SandboxMissingError(new TypeError(`${SANDBOX_PACKAGE} has no startSandbox export`));
  }
  return mod.startSandbox({ port: 0, host: '127.0.0.1' });
}
