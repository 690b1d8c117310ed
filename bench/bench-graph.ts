/*
 * The benchmark graph every API-level bench runs on (bench:api, bench/analysis.bench.ts,
 * bench/analysis-tables.bench.ts): the generated corpus (seed 7) plus the seed documents, loaded by the real
 * loader into a private embedded Neo4j, and the real app started on it. One set-up, so the benches measure
 * the same graph and `--keep-data DIR` is one folder layout for all of them.
 *
 * `--keep-data DIR` keeps the Neo4j files in DIR instead of a temporary folder and reuses them on the next run
 * with the same --docs (DIR/bench-graph.json records what was loaded), so iterating on the API does not mean
 * reloading thousands of documents each time. Delete DIR to load afresh (e.g. after a loader change).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../server/config.ts';
import { documentBytes, generateCorpus } from '../server/corpus/generate.ts';
import { createDriver, GraphDb } from '../server/graph/graph-db.ts';
import { applySchema } from '../server/graph/schema.ts';
import { loadPaths } from '../server/load/load-paths.ts';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../server/neo4j/embedded-neo4j.ts';
import { start, type RunningServer } from '../server/server.ts';
import { ROOT_DIR } from '../server/version.ts';

export const log = (l: string): void => { process.stderr.write(`${l}\n`); };

/** A positive integer command-line option (`--runs 5`), or the fallback. */
export function intOption(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${name} must be a positive integer`);
  return v;
}

/** A string command-line option (`--only search`), undefined when absent; refuses a missing value. */
export function stringOption(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  if (!v || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
}

/** The p-th percentile of ascending numbers (nearest rank), 0 for none. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
}

/** `uptime`'s load averages (1, 5, 15 min): on a shared machine a timing means little without them. */
export function loadAverage(): string {
  return os.loadavg().map((x) => x.toFixed(1)).join(' / ');
}

export interface BenchGraph {
  docs: number;
  /** The bench's folder (kept with --keep-data): the corpus, Neo4j's files, and room for a bench's own files. */
  work: string;
  /** true when a kept graph was reused instead of loaded */
  kept: boolean;
  size: { nodes: number; rels: number; tasks: number };
  db: GraphDb;
  driver: Driver;
  embedded: EmbeddedNeo4j;
  app: RunningServer;
  /** Stops the app and Neo4j, and removes the data unless it is kept. */
  close(): Promise<void>;
}

/**
 * Opens the benchmark graph of `--docs` (2,000) generated documents and the seeds, loading it unless a graph
 * of that size is kept in `--keep-data DIR`, and starts the app on it with `env` on top of the bench config.
 */
export async function openBenchGraph(opts: { tmpPrefix: string; env?: Record<string, string> }): Promise<BenchGraph> {
  const docs = intOption('--docs', 2000);
  const keepDir = stringOption('--keep-data');
  const work = keepDir ? path.resolve(keepDir) : fs.mkdtempSync(path.join(os.tmpdir(), opts.tmpPrefix));
  fs.mkdirSync(work, { recursive: true });
  const marker = path.join(work, 'bench-graph.json');
  const kept = keepDir !== undefined && fs.existsSync(marker) && (JSON.parse(fs.readFileSync(marker, 'utf8')) as { docs?: number }).docs === docs;
  const corpusDir = path.join(work, 'corpus');
  if (!kept) {
    fs.rmSync(corpusDir, { recursive: true, force: true });
    fs.mkdirSync(corpusDir);
    for (const d of generateCorpus({ seed: 7, docs })) {
      fs.writeFileSync(path.join(corpusDir, d.name), documentBytes(d));
    }
  }
  log(`Starting a private embedded Neo4j in ${work}${kept ? ' (kept graph, not reloading)' : ''}…`);
  const embedded = await startEmbeddedNeo4j({ dataDir: path.join(work, 'neo4j'), boltPort: 0, heap: '2g', pageCache: '512m', log: () => {} });
  const driver = createDriver(embedded.uri, embedded.user, embedded.password);
  const db = new GraphDb(driver, undefined);
  let app: RunningServer | undefined;
  const close = async () => {
    await app?.stop();
    await driver.close();
    await embedded.stop();
    if (!keepDir) fs.rmSync(work, { recursive: true, force: true });
  };
  try {
    await applySchema(db);
    if (!kept) {
      const t0 = performance.now();
      const summary = await loadPaths(db, [corpusDir, path.join(ROOT_DIR, 'seeds', 'documents')], { concurrency: 4 });
      log(`Loaded ${docs} generated documents + the seeds in ${((performance.now() - t0) / 1000).toFixed(1)} s (${JSON.stringify(summary).slice(0, 160)}…)`);
    }
    const [size] = await db.read<{ nodes: number; rels: number; tasks: number }>(
      'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } CALL () { MATCH (t:Task) RETURN count(t) AS tasks } RETURN nodes, rels, tasks');
    if (!kept && keepDir) fs.writeFileSync(marker, `${JSON.stringify({ docs, nodes: size?.nodes, relationships: size?.rels, loadedAt: new Date().toISOString() })}\n`);
    if (kept) log(`Reusing the kept graph of ${docs} generated documents + the seeds: ${size?.nodes} nodes, ${size?.rels} relationships`);
    const config = loadConfig({
      PORT: '0', HOST: '127.0.0.1', NEO4J_URI: embedded.uri, NEO4J_PASSWORD: embedded.password, LOAD_SEEDS_ON_START: 'false',
      CYPHER_RATE_LIMIT_PER_MINUTE: '1000000', ...opts.env,
    });
    app = await start(config, { log: () => {}, connection: { driver, database: undefined, mode: 'embedded', uri: embedded.uri, embedded: undefined, close: async () => {} } });
    return { docs, work, kept, size: size ?? { nodes: 0, rels: 0, tasks: 0 }, db, driver, embedded, app, close };
  } catch (err) {
    await close().catch(() => {});
    throw err;
  }
}

/** Runs a bench's main() when the file is the script run, and turns a failure into a message and exit code 1. */
export function runBench(importMetaUrl: string, main: () => Promise<void>): void {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== path.resolve(new URL(importMetaUrl).pathname)) return;
  main().catch((err: unknown) => {
    log(err instanceof Error ? err.stack ?? err.message : String(err));
    process.exit(1);
  });
}
