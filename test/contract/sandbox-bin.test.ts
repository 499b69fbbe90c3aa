import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createPeekerClient } from '@peeker/core/server';

const BIN = fileURLToPath(new URL('../../packages/sandbox/bin/peeker-sandbox.mjs', import.meta.url));

describe('peeker-sandbox bin', () => {
  it('starts on the given port and seed, serves the API, stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, '--port', '0', '--seed', '1', '--api-key', 'pk_test_cli'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const baseUrl = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          const m = /listening on (\S+)/.exec(out);
          if (m !== null) resolve(m[1] as string);
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
      });
      const client = createPeekerClient({ apiKey: 'pk_test_cli', baseUrl });
      try {
        expect((await client.me()).api_key.environment).toBe('test');
        const [row] = await client.checkAvailability(['acmehq.org']);
        expect(row?.domain).toBe('acmehq.org');
      } finally {
        await client.close();
      }
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });

  it('prints help', async () => {
    const child = spawn(process.execPath, [BIN, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(out).toContain('--seed');
  });
});
