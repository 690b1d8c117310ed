/*
 * `npm run bench:api [-- --docs N --seconds S --keep-data DIR --only TEXT]`: the API under load, on the load
 * benchmark's graph (generated corpus + the seeds, loaded with loadPaths into a private embedded Neo4j).
 * autocannon at 32 connections on search, neighbours and a curated query; then the same Cypher through the
 * bare driver at the same concurrency, so the ratio shows what the HTTP layer, validation and shaping cost.
 *
 * `--keep-data DIR` keeps the Neo4j files in DIR instead of a temporary folder and reuses them on the next
 * run with the same --docs (DIR/bench-graph.json records what was loaded), so iterating on the API does not
 * mean reloading thousands of documents each time. Delete DIR to load afresh (e.g. after a loader change).
 * `--only TEXT` runs only the cases whose name contains TEXT.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import iconv from 'iconv-lite';
import { loadConfig } from '../server/config.ts';
import { generateCorpus } from '../server/corpus/generate.ts';
import { GraphDb } from '../server/graph/graph-db.ts';
import { loadApiCypher } from '../server/graph/queries/api-cypher.ts';
import { curatedQueries } from '../server/graph/queries/curated.ts';
import { LEAN_PARAMS } from '../server/graph/queries/graph-elements.ts';
import { neighbourPages, type TypeCount } from '../server/graph/queries/nodes.ts';
import { toNeo4jParams } from '../server/graph/neo4j-params.ts';
import { toLuceneQuery, toPinyinKey } from '../server/graph/queries/search.ts';
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
const keepAt = process.argv.indexOf('--keep-data');
const KEEP_DIR = keepAt >= 0 ? process.argv[keepAt + 1] : undefined;
if (keepAt >= 0 && (!KEEP_DIR || KEEP_DIR.startsWith('--'))) throw new Error('--keep-data needs a folder');
const SECONDS = option('--seconds', 10);
const CONNECTIONS = 32;
const log = (l: string) => process.stderr.write(`${l}\n`);

interface Figures { rps: number; p50: number; p99: number; errors: number }
interface Case { name: string; url: string; method?: 'GET' | 'POST'; body?: string; cypher: { text: string; params: Record<string, unknown> }[] }

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
}

async function httpLoad(c: Case): Promise<Figures> {
  // The load generator runs in a worker thread of its own: in the server's event loop its parsing of
  // 32 connections' answers counted as the API's time (search measured 1.6x the driver that way).
  const r = await autocannon({
    url: c.url, connections: CONNECTIONS, duration: SECONDS, method: c.method ?? 'GET', workers: 1,
    ...(c.body ? { body: c.body, headers: { 'content-type': 'application/json' } } : {}),
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx };
}

/** The same statements the endpoint runs, in order, through the driver alone, 32 at a time. */
async function driverLoad(db: GraphDb, c: Case): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      const session = db.session('READ');
      try {
        for (const s of c.cypher) await session.executeRead((tx) => tx.run(s.text, toNeo4jParams(s.params)));
      } catch {
        errors++;
      } finally {
        await session.close();
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / SECONDS, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
}

async function main(): Promise<void> {
  const work = KEEP_DIR ? path.resolve(KEEP_DIR) : fs.mkdtempSync(path.join(os.tmpdir(), 'bench-api-'));
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
    const t0 = performance.now();
    const summary = kept ? undefined : await loadPaths(db, [corpusDir, path.join(ROOT_DIR, 'seeds', 'documents')], { concurrency: 4 });
    const [size] = await db.read<{ nodes: number; rels: number }>('CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels');
    if (summary) {
      log(`Loaded ${DOCS} generated documents + the seeds in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${size?.nodes} nodes, ${size?.rels} relationships (${JSON.stringify(summary).slice(0, 160)}…)`);
      if (KEEP_DIR) fs.writeFileSync(marker, `${JSON.stringify({ docs: DOCS, nodes: size?.nodes, relationships: size?.rels, loadedAt: new Date().toISOString() })}\n`);
    } else {
      log(`Reusing the kept graph of ${DOCS} generated documents + the seeds: ${size?.nodes} nodes, ${size?.rels} relationships`);
    }

    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', NEO4J_URI: embedded.uri, NEO4J_PASSWORD: embedded.password, LOAD_SEEDS_ON_START: 'false', CYPHER_RATE_LIMIT_PER_MINUTE: '1000000' });
    app = await start(config, { log: () => {}, connection: { driver, database: undefined, mode: 'embedded', uri: embedded.uri, embedded: undefined, close: async () => {} } });

    // The busiest agency: the neighbours page that costs the most (STATES is support bookkeeping, not a neighbour).
    const [busy] = await db.read<{ id: string }>('MATCH (a:Agency)-[r:!STATES]-() RETURN a.id AS id, count(r) AS c ORDER BY c DESC LIMIT 1');
    // The agency with the most tasks, directly or through a group: the tasks-of-agency page that costs the most.
    const [busiest] = await db.read<{ id: string }>(
      'MATCH (a:Agency) RETURN a.id AS id, COUNT { (a)-[:RESPONSIBLE_FOR]->() } + COUNT { (a)-[:MEMBER_OF]->()-[:RESPONSIBLE_FOR]->() } AS c ORDER BY c DESC LIMIT 1');
    // A plan document: GET /api/documents/:id with all its spans (the first by id, a seed plan when they are loaded).
    const [plan] = await db.read<{ id: string }>("MATCH (d:Document {kind: 'plan'}) RETURN d.docId AS id ORDER BY id LIMIT 1");
    const agency = 'agency:长乐区政府';
    const hub = busy?.id ?? agency;
    const hubAgency = busiest?.id ?? agency;
    const docId = plan?.id ?? '';
    const q = '长乐';
    const toa = curatedQueries().get('tasks-of-agency')!;
    const shared = curatedQueries().get('shared-tasks')!;
    // The neighbours endpoint reads the per-type totals, then one page per type the page covers.
    const nbQuery = { direction: 'both' as const, offset: 0, limit: 50 };
    const [nbHead] = await db.read<{ counts: TypeCount[] }>(loadApiCypher('neighbor-totals'), { id: hub, hiddenNodeKeys: LEAN_PARAMS.hiddenNodeKeys });
    const nbPages = neighbourPages(nbHead?.counts ?? [], nbQuery).pages;
    const cases: Case[] = [
      {
        name: `search ?q=${q}`, url: `${app.url}/api/search?q=${encodeURIComponent(q)}`,
        cypher: [{ text: loadApiCypher('search'), params: { q, lucene: toLuceneQuery(q), useLucene: true, pinyin: toPinyinKey(q), labels: null, limit: 20 } }],
      },
      {
        name: `neighbors of ${hub} (limit 50)`, url: `${app.url}/api/nodes/${encodeURIComponent(hub)}/neighbors?limit=50`,
        cypher: [
          { text: loadApiCypher('neighbor-totals'), params: { id: hub, hiddenNodeKeys: LEAN_PARAMS.hiddenNodeKeys } },
          ...nbPages.map((p) => ({ text: loadApiCypher('neighbors'), params: { id: hub, labels: null, ...nbQuery, ...p, ...LEAN_PARAMS } })),
        ],
      },
      {
        name: `queries/tasks-of-agency ${agency}`, url: `${app.url}/api/queries/tasks-of-agency`, method: 'POST', body: JSON.stringify({ params: { agency } }),
        // The API runs the page and its totals side by side; the driver runs them one after the other.
        cypher: [
          { text: loadApiCypher('resolve-entity'), params: { value: agency, label: 'Agency' } },
          { text: toa.text, params: { agency, limit: 50, offset: 0 } },
          { text: toa.totals ?? 'RETURN 1', params: { agency } },
        ],
      },
      {
        name: `queries/tasks-of-agency ${hubAgency} (the agency with the most tasks)`, url: `${app.url}/api/queries/tasks-of-agency`, method: 'POST',
        body: JSON.stringify({ params: { agency: hubAgency } }),
        cypher: [
          { text: loadApiCypher('resolve-entity'), params: { value: hubAgency, label: 'Agency' } },
          { text: toa.text, params: { agency: hubAgency, limit: 50, offset: 0 } },
          { text: toa.totals ?? 'RETURN 1', params: { agency: hubAgency } },
        ],
      },
      {
        name: `queries/shared-tasks ${agency}`, url: `${app.url}/api/queries/shared-tasks`, method: 'POST', body: JSON.stringify({ params: { agency } }),
        cypher: [
          { text: loadApiCypher('resolve-entity'), params: { value: agency, label: 'Agency' } },
          { text: shared.text, params: { agency, limit: 50, offset: 0 } },
          { text: shared.totals ?? 'RETURN 1', params: { agency } },
        ],
      },
      {
        name: `documents/${docId}`, url: `${app.url}/api/documents/${encodeURIComponent(docId)}`,
        cypher: [{ text: loadApiCypher('document'), params: { id: docId } }],
      },
    ];
    // When the busiest agency is the named one, its case is already there.
    if (hubAgency === agency) cases.splice(cases.findIndex((c) => c.name.includes('the agency with the most tasks')), 1);
    const only = process.argv.indexOf('--only');
    if (only >= 0) cases.splice(0, cases.length, ...cases.filter((c) => c.name.includes(process.argv[only + 1] ?? '')));

    const lines: string[] = [];
    for (const c of cases) {
      log(`Benchmarking ${c.name} (${SECONDS} s each way, ${CONNECTIONS} connections)…`);
      await httpLoad({ ...c }).catch(() => undefined); // warm-up: plans cached, JIT warm
      const one = await fetch(c.url, { method: c.method ?? 'GET', ...(c.body ? { body: c.body, headers: { 'content-type': 'application/json' } } : {}) });
      const bytes = (await one.arrayBuffer()).byteLength;
      const api = await httpLoad(c);
      const bare = await driverLoad(db, c);
      lines.push(
        `${c.name}   (answer ${bytes} bytes, HTTP ${one.status})\n` +
        `  API     ${api.rps.toFixed(0).padStart(7)} req/s   p50 ${api.p50.toFixed(1).padStart(6)} ms   p99 ${api.p99.toFixed(1).padStart(6)} ms   errors ${api.errors}\n` +
        `  driver  ${bare.rps.toFixed(0).padStart(7)} req/s   p50 ${bare.p50.toFixed(1).padStart(6)} ms   p99 ${bare.p99.toFixed(1).padStart(6)} ms   errors ${bare.errors}\n` +
        (api.rps > 0 && bare.p50 > 0
          ? `  API overhead: driver/API throughput ${(bare.rps / api.rps).toFixed(2)}x, p50 ${(api.p50 / bare.p50).toFixed(2)}x`
          : '  API overhead: n/a (no successful API requests; see errors)'),
      );
    }
    console.log(`\nAPI benchmark — ${DOCS} generated documents + seeds (${size?.nodes} nodes, ${size?.rels} relationships), ${CONNECTIONS} connections, ${SECONDS} s per run\n`);
    console.log(lines.join('\n\n'));
  } finally {
    await app?.stop();
    await driver.close();
    await embedded.stop();
    if (!KEEP_DIR) fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  log(err instanceof Error ? err.stack ?? err.message : String(err));
  process.exit(1);
});
