// A partner backend from the installed tarballs: serves the Vite build and mounts the
// availability handler; the Peeker key (here a sandbox key) never leaves this process.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { createAvailabilityHandler, createPeekerClient } from '@peeker/core/server';
import { startSandbox } from '@peeker/sandbox';

const sandbox = await startSandbox({ port: 0 });
const client = createPeekerClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl });
const availability = createAvailabilityHandler({ client, onError: (error) => console.error(error) });
const root = join(import.meta.dirname, 'dist');
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/api/availability') {
    console.log('availability');
    return availability.node(req, res);
  }
  const path = normalize(join(root, url.pathname === '/' ? 'index.html' : url.pathname));
  if (!path.startsWith(root)) return void res.writeHead(403).end();
  try {
    const body = await readFile(path);
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
});
server.listen(0, '127.0.0.1', () => console.log(`listening http://127.0.0.1:${server.address().port}/`));

const stop = async () => {
  server.closeAllConnections();
  server.close();
  await client.close();
  await sandbox.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
