/*
 * `npm run bench:api [-- --docs N --seconds S --keep-data DIR --only TEXT]`: the API under load, on the load
 * benchmark's graph (generated corpus + the seeds, loaded with loadPaths into a private embedded Neo4j).
 * autocannon at 32 connections on search, neighbours, curated queries and a document, twice: as clients ask
 * (the answer is kept per graph state after the first request, server/graph/queries/json-answers.ts) and with
 * `Cache-Control: no-cache`, which makes every request read the graph again; then the same Cypher through the
 * bare driver at the same concurrency, so the uncached ratio shows what the HTTP layer, validation and shaping
 * cost.
 *
 * The graph and `--keep-data DIR` are bench-graph.ts's, shared with the analysis benches.
 * `--only TEXT` runs only the cases whose name contains TEXT.
 */
import autocannon from 'autocannon';
import type { GraphDb } from '../server/graph/graph-db.ts';
import { loadApiCypher } from '../server/graph/queries/api-cypher.ts';
import { curatedQueries } from '../server/graph/queries/curated.ts';
import { LEAN_PARAMS } from '../server/graph/queries/graph-elements.ts';
import { neighbourPageParams, neighbourPages, neighbourTypeReads, type TypeCount } from '../server/graph/queries/nodes.ts';
import { toNeo4jParams } from '../server/graph/neo4j-params.ts';
import { searchParams } from '../server/graph/queries/search.ts';
import { intOption, log, openBenchGraph, percentile } from './bench-graph.ts';

const SECONDS = intOption('--seconds', 10);
const CONNECTIONS = 32;

interface Figures { rps: number; p50: number; p99: number; errors: number }
interface Case { name: string; url: string; method?: 'GET' | 'POST'; body?: string; cypher: { text: string; params: Record<string, unknown> }[] }

async function httpLoad(c: Case, fresh = false): Promise<Figures> {
  // In a worker thread: the load generator parsing 32 connections' answers must not share the server's
  // event loop, or its work is counted as the API's (the analysis bench does the same).
  const headers = { ...(c.body ? { 'content-type': 'application/json' } : {}), ...(fresh ? { 'cache-control': 'no-cache' } : {}) };
  const r = await autocannon({
    url: c.url, connections: CONNECTIONS, duration: SECONDS, method: c.method ?? 'GET', workers: 1, headers,
    ...(c.body ? { body: c.body } : {}),
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
  const g = await openBenchGraph({ tmpPrefix: 'bench-api-' });
  const { db, app, size, docs: DOCS } = g;
  try {
    await app.warmed; // the start's plan warming runs beside requests: let it end before anything is timed
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
    // The neighbours endpoint reads the per-type totals, then the page, each type it covers read alone.
    const nbQuery = { direction: 'both' as const, offset: 0, limit: 50 };
    const [nbHead] = await db.read<{ counts: TypeCount[] }>(loadApiCypher('neighbor-totals'), { id: hub, hiddenNodeKeys: LEAN_PARAMS.hiddenNodeKeys });
    const nbPages = neighbourPages(nbHead?.counts ?? [], nbQuery).pages;
    // Then one small statement per type sorted by name, then the page by the element ids they gave (the
    // API runs all of them in one read transaction); the ids are read here once for the driver's run.
    const nbReads = neighbourTypeReads(hub, nbQuery, nbPages);
    const nbSorted = await Promise.all(nbReads.map(async (r) => ({ type: r.type, ids: (await db.read<{ id: string }>(r.text, r.params)).map((x) => x.id) })));
    const cases: Case[] = [
      {
        name: `search ?q=${q}`, url: `${app.url}/api/search?q=${encodeURIComponent(q)}`,
        cypher: [{ text: loadApiCypher('search'), params: searchParams(q, null, 20) }],
      },
      {
        name: `neighbors of ${hub} (limit 50)`, url: `${app.url}/api/nodes/${encodeURIComponent(hub)}/neighbors?limit=50`,
        cypher: [
          { text: loadApiCypher('neighbor-totals'), params: { id: hub, hiddenNodeKeys: LEAN_PARAMS.hiddenNodeKeys } },
          ...nbReads,
          { text: loadApiCypher('neighbors'), params: neighbourPageParams(hub, nbQuery, nbPages, nbSorted) },
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
      await httpLoad(c, true).catch(() => undefined); // warm-up: plans cached, JIT warm
      const one = await fetch(c.url, { method: c.method ?? 'GET', ...(c.body ? { body: c.body, headers: { 'content-type': 'application/json' } } : {}) });
      const bytes = (await one.arrayBuffer()).byteLength;
      const api = await httpLoad(c);
      const fresh = await httpLoad(c, true);
      const bare = await driverLoad(db, c);
      const line = (name: string, f: Figures) =>
        `  ${name.padEnd(16)} ${f.rps.toFixed(0).padStart(7)} req/s   p50 ${f.p50.toFixed(1).padStart(6)} ms   p99 ${f.p99.toFixed(1).padStart(6)} ms   errors ${f.errors}\n`;
      lines.push(
        `${c.name}   (answer ${bytes} bytes, HTTP ${one.status})\n` +
        line('API', api) + line('API, no-cache', fresh) + line('driver', bare) +
        `  p99 API / driver ${(api.p99 / bare.p99).toFixed(2)}x; uncached ${(fresh.p99 / bare.p99).toFixed(2)}x` +
        (fresh.rps > 0 && bare.p50 > 0
          ? `; uncached overhead: driver/API throughput ${(bare.rps / fresh.rps).toFixed(2)}x, p50 ${(fresh.p50 / bare.p50).toFixed(2)}x`
          : '; uncached overhead: n/a (no successful API requests; see errors)'),
      );
    }
    console.log(`\nAPI benchmark — ${DOCS} generated documents + seeds (${size?.nodes} nodes, ${size?.rels} relationships), ${CONNECTIONS} connections, ${SECONDS} s per run\n`);
    console.log(lines.join('\n\n'));
  } finally {
    await g.close();
  }
}

main().catch((err: unknown) => {
  log(err instanceof Error ? err.stack ?? err.message : String(err));
  process.exit(1);
});
