import { defineConfig, type Plugin } from 'vite';
import { startDemoBackend } from './server/demo-backend.ts';

/**
 * Mounts the demo's partner backend (sandbox + availability handler + order placement +
 * webhook receiver) inside the Vite dev server, so `npm start` needs nothing else.
 */
function peekerDemoBackend(): Plugin {
  return {
    name: 'peeker-demo-backend',
    apply: 'serve',
    async configureServer(server) {
      const backend = await startDemoBackend();
      server.middlewares.use((req, res, next) => backend.middleware(req, res, next));
      const announce = (): void => {
        const address = server.httpServer?.address();
        if (address && typeof address === 'object') backend.setPublicOrigin(`http://127.0.0.1:${address.port}`);
      };
      if (server.httpServer?.listening) announce();
      else server.httpServer?.once('listening', announce);
      server.httpServer?.once('close', () => void backend.close());
    },
  };
}

export default defineConfig({
  plugins: [peekerDemoBackend()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
