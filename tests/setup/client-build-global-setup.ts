/*
 * End-to-end tests must never run a stale client: build dist/client from scratch once per run, before any
 * e2e file starts (a per-file build would repeat the work for every file, since files are isolated).
 */
import fs from 'node:fs';
import path from 'node:path';
import { CLIENT_DIR } from '../../server/server.ts';
import { ROOT_DIR } from '../../server/version.ts';

export async function setup(): Promise<void> {
  fs.rmSync(CLIENT_DIR, { recursive: true, force: true });
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT_DIR, 'vite.config.ts'), logLevel: 'warn' });
}
