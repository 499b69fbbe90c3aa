/**
 * One backend instance in its own process, for the multi-process Redis tests and benchmark.
 * Node 20 cannot import the TypeScript sources, so this loads `instance-main.ts` through
 * Vite's module runner (as the sandbox bin does) and runs it.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';

const vite = await import('vite');
const source = fileURLToPath(new URL('./instance-main.ts', import.meta.url));
const { module } = await vite.runnerImport(pathToFileURL(source).href, { configFile: false, logLevel: 'error' });
await module.runInstance();
