/*
 * Starts one real embedded Neo4j per test project, on a free port with a temporary data folder, and
 * stops it at the end. Tests get its coordinates with inject('neo4j'). If it cannot start, the run fails:
 * nothing that needs the database is skipped silently.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import type {} from 'vitest';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/neo4j/embedded-neo4j.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** startWallMs: how long the shared start took here, from which start-budget.ts sizes test timeouts. */
    neo4j: { uri: string; user: string; password: string; version: string; dataDir: string; startWallMs: number };
  }
}

let embedded: EmbeddedNeo4j | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `policy-graph-${project.name}-`));
  const started = Date.now();
  embedded = await startEmbeddedNeo4j({ dataDir, boltPort: 0, heap: '1g', pageCache: '128m', log: () => {} });
  const startWallMs = Date.now() - started;
  project.provide('neo4j', { uri: embedded.uri, user: embedded.user, password: embedded.password, version: embedded.version, dataDir, startWallMs });
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
