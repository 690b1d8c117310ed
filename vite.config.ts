/*
 * The explorer's build: sources in client/, output in dist/client (served by the API server).
 * `npm run dev:client` proxies /api to a running `npm start` for hot reload.
 */
import { defineConfig } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: path.join(root, 'client'),
  base: './',
  build: {
    outDir: path.join(root, 'dist', 'client'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    // changeOrigin: the API answers only Host names it is known by (server/api/host-check.ts), so the
    // proxy presents 127.0.0.1:PORT rather than the dev server's own host and port.
    proxy: { '/api': { target: `http://127.0.0.1:${process.env.PORT ?? 3000}`, changeOrigin: true } },
  },
});
