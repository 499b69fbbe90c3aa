/** The custom browser command the bench config registers (vitest.bench.config.ts). */
declare module 'vitest/browser' {
  interface BrowserCommands {
    /** The machine's 1-minute load average, read on the node side. */
    benchLoadavg: () => Promise<number>;
  }
}

export {};
