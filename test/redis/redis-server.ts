/**
 * A real `redis-server` for tests: started on a free loopback port with persistence off,
 * stopped (and restartable on the same port, to test outages) by the test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';

/** A running (or stopped) test Redis. */
export interface TestRedis {
  readonly port: number;
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  /** Kills the server (SIGKILL: like a crash) and waits for it to exit. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: persistence is off). */
  restart(): Promise<void>;
  /** Stops it for good. */
  stop(): Promise<void>;
}

/** A port nobody listens on right now (the OS picks it; `redis-server --port 0` is not supported). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on the port. */
async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`redis-server did not listen on ${port}`);
}

/**
 * Starts `redis-server` (Debian's package; `npm test` installs it when missing).
 * @returns the handle; call `stop()` in `afterAll`
 */
export async function startTestRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    // REDIS_SERVER_PATH: the same override scripts/ensure-test-deps.mjs honours.
    const proc = spawn(process.env.REDIS_SERVER_PATH ?? 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
      stdio: 'ignore',
    });
    proc.once('error', () => undefined);
    child = proc;
    await waitForPort(port, proc);
  };
  const kill = async (): Promise<void> => {
    const proc = child;
    child = undefined;
    if (proc === undefined || proc.exitCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill,
    restart: start,
    stop: kill,
  };
}

/**
 * Sends one inline command on a fresh connection and resolves with the first reply line
 * (for admin commands such as `CLIENT PAUSE`, without a client library).
 * @param port - the test Redis port
 * @param line - e.g. `CLIENT PAUSE 1500 ALL`
 */
export async function redisAdmin(port: number, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    socket.once('error', reject);
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('utf8');
      if (reply.includes('\r\n')) {
        socket.destroy();
        resolve(reply.split('\r\n')[0] as string);
      }
    });
    socket.write(`${line}\r\n`);
  });
}

/**
 * A minimal RESP2 client (one connection, replies in order): proves the stores work with
 * any client that has `sendCommand(args)`, not only node-redis.
 * @param port - the test Redis port
 * @returns the client and a way to close it
 */
export async function connectMinimalClient(port: number): Promise<{ sendCommand(args: string[]): Promise<unknown>; close(): void; readonly commands: number }> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const waiting: Array<{ resolve: (v: unknown) => void; reject: (e: Error) => void }> = [];
  let buffer = Buffer.alloc(0);
  let commands = 0;
  /** Parses one reply at `at`; undefined when incomplete. */
  const parse = (at: number): { value: unknown; end: number } | undefined => {
    const lineEnd = buffer.indexOf('\r\n', at);
    if (lineEnd < 0) return undefined;
    const type = String.fromCharCode(buffer[at] as number);
    const line = buffer.toString('utf8', at + 1, lineEnd);
    if (type === '+') return { value: line, end: lineEnd + 2 };
    if (type === '-') return { value: new Error(line), end: lineEnd + 2 };
    if (type === ':') return { value: Number(line), end: lineEnd + 2 };
    if (type === '$') {
      const length = Number(line);
      if (length < 0) return { value: null, end: lineEnd + 2 };
      if (buffer.length < lineEnd + 2 + length + 2) return undefined;
      return { value: buffer.toString('utf8', lineEnd + 2, lineEnd + 2 + length), end: lineEnd + 2 + length + 2 };
    }
    const count = Number(line); // '*'
    if (count < 0) return { value: null, end: lineEnd + 2 };
    const items: unknown[] = [];
    let end = lineEnd + 2;
    for (let i = 0; i < count; i += 1) {
      const item = parse(end);
      if (item === undefined) return undefined;
      items.push(item.value);
      end = item.end;
    }
    return { value: items, end };
  };
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const reply = parse(0);
      if (reply === undefined) break;
      buffer = buffer.subarray(reply.end);
      const w = waiting.shift();
      if (reply.value instanceof Error) w?.reject(reply.value);
      else w?.resolve(reply.value);
    }
  });
  return {
    sendCommand(args) {
      commands += 1;
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`);
      });
    },
    close: () => socket.destroy(),
    get commands() {
      return commands;
    },
  };
}
