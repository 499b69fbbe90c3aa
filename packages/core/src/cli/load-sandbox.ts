/**
 * Loads `@peeker/sandbox` for the CLI's no-key mode.
 *
 * `@peeker/sandbox` depends on `@peeker/core`, so core cannot depend on it (a dependency
 * cycle). The CLI therefore imports it lazily, by a specifier held in a variable so neither
 * TypeScript nor a bundler follows it, and describes the few members it uses structurally.
 * Installing it is the user's choice: `npm i -D @peeker/sandbox`.
 */

/** A running sandbox, as returned by `startSandbox`. */
export interface RunningSandbox {
  /** Base URL of the sandbox's Partner API, to pass as the client's `baseUrl`. */
  baseUrl: string;
  /** Stops the server. */
  close(): Promise<void>;
}

/** The part of `@peeker/sandbox` the CLI uses. */
interface SandboxModule {
  startSandbox(options: { port: number; host?: string }): Promise<RunningSandbox>;
}

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

/**
 * Starts the local sandbox on a free loopback port.
 * @returns the running sandbox
 * @throws SandboxMissingError when `@peeker/sandbox` cannot be imported
 */
export async function startEmbeddedSandbox(): Promise<RunningSandbox> {
  let mod: SandboxModule;
  try {
    const specifier: string = SANDBOX_PACKAGE;
    mod = (await import(specifier)) as SandboxModule;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw new SandboxMissingError(error);
    throw error;
  }
  if (typeof mod.startSandbox !== 'function') {
    throw new SandboxMissingError(new TypeError(`${SANDBOX_PACKAGE} has no startSandbox export`));
  }
  return mod.startSandbox({ port: 0, host: '127.0.0.1' });
}
