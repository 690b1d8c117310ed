/*
 * `npx tsx bench/analysis.bench.ts [-- --docs N --runs R --keep-data DIR]`: how long the collaboration
 * network and workload views wait for their data on the load benchmark's graph (generated corpus + the
 * seeds), one request at a time, as a user opening the view would. Issue 17 asks for 2 s per view. The
 * client's own work on the answer (pairs → edges → Louvain clusters) is timed too, since it runs in the
 * browser, and so is the Plans over time view, opened and with its slider moved. --keep-data uses the same folder layout as bench:api, so a graph kept by either is reused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { buildNetwork, type CollaborationPair } from '../client/src/modes/analysis/collaboration-model.ts';
import { loadConfig } from '../server/config.ts';
import { generateCorpus } from '../server/corpus/generate.ts';
import { GraphDb } from '../server/graph/graph-db.ts';
import { applySchema } from '../server/graph/schema.ts';
import { loadPaths } from '../server/load/load-paths.ts';
import { createDriver } from '../server/neo4j/connect.ts';
import { startEmbeddedNeo4j } from '../server/neo4j/embedded-neo4j.ts';
import { start } from '../server/server.ts';
import { ROOT_DIR } from '../server/version.ts';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${name} must be a positive integer`);
  return v;
}
const DOCS = option('--docs', 2000);
const RUNS = option('--runs', 5);
const keepAt = process.argv.indexOf('--keep-data');
const KEEP_DIR = keepAt >= 0 ? process.argv[keepAt + 1] : undefined;
if (keepAt >= 0 && (!KEEP_DIR || KEEP_DIR.startsWith('--'))) throw new Error('--keep-data needs a folder');
const log = (l: string) => process.stderr.write(`${l}\n`);

interface Timing { name: string; bytes: number; first: number; median: number; max: number }

/**
 * Times one GET: the first call (computed: the analyses are cached per graph state) and then RUNS more
 * (answered from the cache); median and worst of those in ms.
 */
async function timeGet(name: string, url: string): Promise<Timing & { body: unknown }> {
  let body: unknown;
  let bytes = 0;
  const t0 = performance.now();
  const res0 = await fetch(url);
  if (!res0.ok) throw new Error(`${name}: HTTP ${res0.status} ${await res0.text()}`);
  await res0.arrayBuffer();
  const first = performance.now() - t0;
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const res = await fetch(url);
    const text = await res.text();
    ms.push(performance.now() - t0);
    bytes = Buffer.byteLength(text);
    body = JSON.parse(text);
  }
  ms.sort((a, b) => a - b);
  return { name, bytes, first, median: ms[Math.floor(ms.length / 2)]!, max: ms[ms.length - 1]!, body };
}

/** The measurements, given a running app on the bench graph; printed as a table by main(). */
export async function measureAnalysisViews(baseUrl: string): Promise<Timing[]> {
  const api = `${baseUrl}/api/analysis`;
  const out: Timing[] = [];
  const filters = await timeGet('filters', `${api}/filters`);
  out.push(filters);
  const collab = await timeGet('collaboration (all plans, members)', `${api}/collaboration`);
  out.push(collab);
  out.push(await timeGet('collaboration (all plans, groups as nodes)', `${api}/collaboration?members=false`));
  const years = (filters.body as { years: number[] }).years;
  if (years[0]) out.push(await timeGet(`collaboration (year ${years[0]})`, `${api}/collaboration?year=${years[0]}`));
  const pairs = (collab.body as { pairs: CollaborationPair[] }).pairs;
  const t0 = performance.now();
  const net = buildNetwork(pairs, 'sharedTasks');
  const ms = performance.now() - t0;
  out.push({ name: `client: ${pairs.length} pairs → ${net.nodes.length} nodes, ${net.clusters} Louvain clusters`, bytes: 0, first: ms, median: ms, max: ms });
  const heaviest = pairs[0];
  if (heaviest) {
    out.push(await timeGet(`shared tasks of the heaviest pair (${heaviest.sharedTasks})`,
      `${api}/collaboration/shared-tasks?a=${encodeURIComponent(heaviest.agencyA)}&b=${encodeURIComponent(heaviest.agencyB)}`));
  }
  out.push(await timeGet('workload (all plans)', `${api}/workload`));
  if (years[0]) out.push(await timeGet(`workload (year ${years[0]})`, `${api}/workload?year=${years[0]}`));
  // Plans over time: the first (annual) series' first year pair, opened and then a slider move, which is
  // answered from the pair's matching kept per graph state.
  const listed = await timeGet('plans over time: series (all jurisdictions)', `${api}/plans/series`);
  out.push(listed);
  const series = (listed.body as { series: { id: string; plans: unknown[] }[] }).series[0];
  if (series) {
    const url = (threshold: number) => `${api}/plans/compare?series=${encodeURIComponent(series.id)}&limit=1&threshold=${threshold}`;
    out.push(await timeGet(`plans over time: first pair of ${series.id} (${series.plans.length} plans)`, url(0.15)));
    out.push(await timeGet('plans over time: same pair, slider moved to 0.4', url(0.4)));
  }
  return out;
}

async function main(): Promise<void> {
  const work = KEEP_DIR ? path.resolve(KEEP_DIR) : fs.mkdtempSync(path.join(os.tmpdir(), 'bench-analysis-'));
  fs.mkdirSync(work, { recursive: true });
  const marker = path.join(work, 'bench-graph.json');
  const kept = KEEP_DIR !== undefined && fs.existsSync(marker) && (JSON.parse(fs.readFileSync(marker, 'utf8')) as { docs?: number }).docs === DOCS;
  const corpusDir = path.join(work, 'corpus');
  if (!kept) {
    fs.rmSync(corpusDir, { recursive: true, force: true });
    fs.mkdirSync(corpusDir);
    for (const d of generateCorpus({ seed: 7, docs: DOCS })) {
      fs.writeFileSync(path.join(corpusDir, d.name), d.encoding === 'gbk' ? iconv.encode(d.text, 'gbk') : Buffer.from(d.text, 'utf8'));
    }
  }
  log(`Starting a private embedded Neo4j in ${work}${kept ? ' (kept graph, not reloading)' : ''}…`);
  const embedded = await startEmbeddedNeo4j({ dataDir: path.join(work, 'neo4j'), boltPort: 0, heap: '2g', pageCache: '512m', log: () => {} });
  const driver = createDriver(embedded.uri, embedded.user, embedded.password);
  const db = new GraphDb(driver, undefined);
  let app: Awaited<ReturnType<typeof start>> | undefined;
  try {
    await applySchema(db);
    if (!kept) {
      const t0 = performance.now();
      await loadPaths(db, [corpusDir, path.join(ROOT_DIR, 'seeds', 'documents')], { concurrency: 4 });
      log(`Loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    const [size] = await db.read<{ nodes: number; rels: number; tasks: number }>(
      'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } CALL () { MATCH (t:Task) RETURN count(t) AS tasks } RETURN nodes, rels, tasks');
    if (!kept && KEEP_DIR) fs.writeFileSync(marker, `${JSON.stringify({ docs: DOCS, nodes: size?.nodes, relationships: size?.rels, loadedAt: new Date().toISOString() })}\n`);
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', NEO4J_URI: embedded.uri, NEO4J_PASSWORD: embedded.password, LOAD_SEEDS_ON_START: 'false' });
    app = await start(config, { log: () => {}, connection: { driver, database: undefined, mode: 'embedded', uri: embedded.uri, embedded: undefined, close: async () => {} } });
    const timings = await measureAnalysisViews(app.url);
    console.log(`\nAnalysis views — ${DOCS} generated documents + seeds (${size?.nodes} nodes, ${size?.rels} relationships, ${size?.tasks} tasks), ${RUNS} runs each after a warm-up\n`);
    for (const t of timings) {
      console.log(`${t.name.padEnd(64)} first ${t.first.toFixed(0).padStart(6)} ms   then median ${t.median.toFixed(0).padStart(5)} ms, max ${t.max.toFixed(0).padStart(5)} ms${t.bytes ? `   ${(t.bytes / 1024).toFixed(0)} kB` : ''}`);
    }
  } finally {
    await app?.stop();
    await driver.close();
    await embedded.stop();
    if (!KEEP_DIR) fs.rmSync(work, { recursive: true, force: true });
  }
}

// Run as a script; importing measureAnalysisViews (e.g. from bench:api) does not start a benchmark.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((err: unknown) => {
    log(err instanceof Error ? err.stack ?? err.message : String(err));
    process.exit(1);
  });
}
