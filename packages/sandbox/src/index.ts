/**
 * `@peeker/sandbox`: a local stand-in for the Peeker Partner API (pk_test_ keys) for
 * development, demos and contract tests. See README.md for what follows Peeker's docs and
 * what is the project's assumption.
 * @packageDocumentation
 */
export { startSandbox } from './start-sandbox.ts';
export type { Sandbox, SandboxOptions, SandboxStats } from './start-sandbox.ts';
export { FaultKind } from './faults.ts';
export type { SandboxFaults } from './faults.ts';
export type { PermissionPreset } from './sandbox-context.ts';
export type { SandboxEvent, WebhookStats } from './webhook-dispatcher.ts';
export type { Seed } from './prng.ts';
