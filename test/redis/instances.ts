/**
 * Starts backend instances as child processes (see instance-main.ts) and talks to them over IPC.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { InstanceMessage, InstanceSettings } from './instance-main.ts';

const SCRIPT = fileURLToPath(new URL('./instance-process.mjs', import.meta.url));

/** The answer to one check. */
export type CheckAnswer = Extract<InstanceMessage, { type: 'rows' }>;

/** A running instance. */
export interface Instance {
  readonly child: ChildProcess;
  /** Checks names in the instance; rejects when the check failed or the process died. */
  check(names: string[]): Promise<CheckAnswer>;
  /** Stops it and resolves with its exit code. */
  stop(): Promise<number | null>;
  /** The exit code once it exited unexpectedly, else undefined. */
  readonly crashed: number | null | undefined;
}

/**
 * Forks one instance and waits until it is ready.
 * @param settings - its environment
 */
export async function startInstance(settings: InstanceSettings): Promise<Instance> {
  const child = fork(SCRIPT, [], { env: { ...process.env, ...settings }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let crashed: number | null | undefined;
  let stopping = false;
  const waiting = new Map<number, { resolve: (a: CheckAnswer) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      if (!stopping) crashed = code;
      for (const w of waiting.values()) w.reject(new Error(`instance exited with ${code}`));
      waiting.clear();
      resolve(code);
    }),
  );
  await new Promise<void>((resolve, reject) => {
    child.on('message', (message: InstanceMessage) => {
      if (message.type === 'ready') resolve();
      else if (message.type === 'rows') waiting.get(message.id)?.resolve(message);
      else waiting.get(message.id)?.reject(new Error(message.message));
      if (message.type !== 'ready') waiting.delete(message.id);
    });
    void exited.then((code) => reject(new Error(`instance exited with ${code} before it was ready`)));
  });
  return {
    child,
    check(names) {
      nextId += 1;
      const id = nextId;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        child.send({ type: 'check', id, names });
      });
    },
    async stop() {
      stopping = true;
      if (child.exitCode === null) child.send({ type: 'stop' });
      return exited;
    },
    get crashed() {
      return crashed;
    },
  };
}
