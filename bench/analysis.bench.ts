/*
 * `npm run bench:analysis [-- --docs N --runs R --clients C --seconds S --keep-data DIR]`: how long the
 * Analysis views wait for their data on the benchmark graph (bench-graph.ts: 2,000 generated documents + the
 * seeds). Issue 17 asks for 2 s per view. Each view is timed three ways in one run:
 *   - cold: right after a load or removal (a small plan document, loaded and removed in turn, so the graph
 *     state changes and every analysis cache is empty), C clients asking at once (they share one computation),
 *     R times: p50 / p99 of all those latencies;
 *   - warm: the same request, answered from the graph-state caches, at bench:api's 32 connections for S seconds;
 *   - driver: the Cypher the view's computation runs, through the bare driver, R times one after the other, so
 *     the ratio cold / driver shows what the API adds on top of the database's own work.
 * The load average is printed at the start and the end: on a shared machine the ratios are what to compare.
 */
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildNetwork, type CollaborationPair } from '../client/src/modes/analysis/collaboration-model.ts';
import { PAIRS_PER_PAGE } from '../client/src/modes/analysis/plans-over-time-model.ts';
import { OTHER_ROLE, ROLE_CODES, ROLE_SPACE } from '../server/analysis/responsibilities.ts';
import type { GraphDb } from '../server/graph/graph-db.ts';
import { curatedText } from '../server/graph/queries/analysis-collaboration.ts';
import { loadApiCypher } from '../server/graph/queries/api-cypher.ts';
import { loadPaths } from '../server/load/load-paths.ts';
import { removeLoadedDocument } from '../server/load/upload-documents.ts';
import { intOption, loadAverage, log, openBenchGraph, percentile, runBench, type BenchGraph } from './bench-graph.ts';

const RUNS = intOption('--runs', 5);
const CLIENTS = intOption('--clients', 8);
const SECONDS = intOption('--seconds', 5);
const CONNECTIONS = 32;

interface Figures { p50: number; p99: number; n: number }
const figures = (ms: number[]): Figures => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), n: sorted.length };
};

/**
 * One view: its URL, the statements its computation runs when nothing is cached, and for the views counted
 * from the responsibility scan, the curated query the console runs (what the view ran before: the "before").
 */
interface View { name: string; url: string; driver: (db: GraphDb) => Promise<unknown>; curated?: (db: GraphDb) => Promise<unknown> }

/** Loads a one-task plan, or removes it when loaded: either way the graph state changes and the caches empty. */
function stateChanger(g: BenchGraph, dir: string): () => Promise<void> {
  const file = path.join(dir, '2099年基准测试工作要点.txt');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, '福州市2099年基准测试工作要点\n\n一、测试\n\n1、开展基准测试。推进测试。(责任单位:市发改委、市财政局)\n');
  let loaded = false;
  return async () => {
    if (loaded) {
      const [doc] = await g.db.read<{ docId: string }>("MATCH (d:Document) WHERE d.file ENDS WITH '2099年基准测试工作要点.txt' RETURN d.docId AS docId");
      await removeLoadedDocument(g.db, doc!.docId);
    } else {
      await loadPaths(g.db, [file]);
    }
    loaded = !loaded;
  };
}

async function timedGet(url: string): Promise<{ ms: number; body: string }> {
  const t0 = performance.now();
  const res = await fetch(url);
  const body = await res.text();
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${body.slice(0, 300)}`);
  return { ms: performance.now() - t0, body };
}

async function cold(view: View, changeState: () => Promise<void>): Promise<Figures> {
  const ms: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    await changeState();
    const answers = await Promise.all(Array.from({ length: CLIENTS }, () => timedGet(view.url)));
    ms.push(...answers.map((a) => a.ms));
  }
  return figures(ms);
}

async function warm(view: View): Promise<Figures & { rps: number; errors: number }> {
  await timedGet(view.url);
  // In a worker thread, as bench:api does, so parsing the answers does not count as the server's time.
  const r = await autocannon({ url: view.url, connections: CONNECTIONS, duration: SECONDS, workers: 1 });
  return { p50: r.latency.p50, p99: r.latency.p99, n: r.requests.total, rps: r.requests.average, errors: r.errors + r.timeouts + r.non2xx };
}

async function bare(view: View, db: GraphDb): Promise<Figures> {
  const ms: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    await view.driver(db);
    ms.push(performance.now() - t0);
  }
  return figures(ms);
}

/** The responsibility scan's two statements, as collaboration, workload and the filters run them. */
async function scanStatements(db: GraphDb): Promise<void> {
  const [index] = await db.read<{ plans: { key: string }[]; agencies: { key: string }[] }>(loadApiCypher('analysis-scan-index'));
  await db.read(loadApiCypher('analysis-scan-tasks'), {
    plans: Object.fromEntries((index?.plans ?? []).map((p, i) => [p.key, i])),
    agencies: Object.fromEntries((index?.agencies ?? []).map((a, i) => [a.key, i])),
    roles: ROLE_CODES, roleSpace: ROLE_SPACE, otherRole: OTHER_ROLE,
  });
}

async function main(): Promise<void> {
  const g = await openBenchGraph({ tmpPrefix: 'bench-analysis-' });
  try {
    const startLoad = loadAverage();
    await g.app.warmed; // the start's plan warming runs beside requests: let it end before anything is timed
    const api = `${g.app.url}/api/analysis`;
    const changeState = stateChanger(g, path.join(g.work, 'state-change'));
    const series = (JSON.parse((await timedGet(`${api}/plans/series`)).body) as { series: { id: string; plans: { id: string }[] }[] }).series[0];
    const views: View[] = [
      { name: 'filters (every Analysis tab opens with them)', url: `${api}/filters`, driver: scanStatements },
      {
        name: 'collaboration, all years, members', url: `${api}/collaboration`, driver: scanStatements,
        curated: (db) => db.read(curatedText('collaboration'), { plan: '', year: 0, jurisdiction: '', members: true, limit: 5001 }, { timeoutMs: 300_000 }),
      },
      {
        name: 'workload, all years', url: `${api}/workload`, driver: scanStatements,
        curated: (db) => db.read(curatedText('workload'), { plan: '', year: 0, jurisdiction: '', limit: 10_001 }, { timeoutMs: 300_000 }),
      },
      { name: 'targets against results (first 300)', url: `${api}/targets`, driver: (db) => db.read(curatedText('targets-vs-results'), { limit: 5000, offset: 0 }) },
      { name: 'plans over time: series list', url: `${api}/plans/series`, driver: (db) => db.read(curatedText('plan-series'), { jurisdiction: '*' }) },
    ];
    if (series && series.plans.length > 1) {
      views.push({
        name: `plans over time: first year pair of ${series.id} (${series.plans.length} plans)`,
        url: `${api}/plans/compare?series=${encodeURIComponent(series.id)}&limit=1`,
        driver: async (db) => {
          await db.read(curatedText('plan-series'), { jurisdiction: '*' });
          await db.read(curatedText('task-continuity'), { from: series.plans[0]!.id, to: series.plans[1]!.id });
        },
      });
      // What the view itself asks for when it opens: a page of PAIRS_PER_PAGE year pairs.
      const pairs = Math.min(PAIRS_PER_PAGE, series.plans.length - 1);
      views.push({
        name: `plans over time: the view's first page, ${pairs} year pairs`,
        url: `${api}/plans/compare?series=${encodeURIComponent(series.id)}&limit=${PAIRS_PER_PAGE}`,
        driver: async (db) => {
          await db.read(curatedText('plan-series'), { jurisdiction: '*' });
          for (let i = 0; i < pairs; i++) await db.read(curatedText('task-continuity'), { from: series.plans[i]!.id, to: series.plans[i + 1]!.id });
        },
      });
    }
    const lines: string[] = [];
    for (const view of views) {
      log(`${view.name}: cold ×${RUNS} (${CLIENTS} clients at once), warm ${SECONDS} s at ${CONNECTIONS} connections, driver ×${RUNS}…`);
      const c = await cold(view, changeState);
      const w = await warm(view);
      const d = await bare(view, g.db);
      const before = view.curated ? await bare({ ...view, driver: view.curated }, g.db) : undefined;
      const bytes = Buffer.byteLength((await timedGet(view.url)).body);
      lines.push(`${view.name}   (${(bytes / 1024).toFixed(0)} kB)\n` +
        `  cold    p50 ${c.p50.toFixed(0).padStart(6)} ms   p99 ${c.p99.toFixed(0).padStart(6)} ms   (${c.n} requests, ${CLIENTS} at once after each of ${RUNS} loads/removals)\n` +
        `  warm    p50 ${w.p50.toFixed(0).padStart(6)} ms   p99 ${w.p99.toFixed(0).padStart(6)} ms   (${w.n} requests, ${w.rps.toFixed(0)} req/s, errors ${w.errors})\n` +
        `  driver  p50 ${d.p50.toFixed(0).padStart(6)} ms   p99 ${d.p99.toFixed(0).padStart(6)} ms   (the view's statements, ${d.n} runs)   cold/driver p50 ${(c.p50 / d.p50).toFixed(2)}x` +
        (before ? `\n  before  p50 ${before.p50.toFixed(0).padStart(6)} ms   p99 ${before.p99.toFixed(0).padStart(6)} ms   (the curated query the view ran before, driver, ${before.n} runs)` : ''));
    }
    // The browser's own work on the collaboration answer: pairs → edges → Louvain clusters.
    const pairs = (JSON.parse((await timedGet(`${api}/collaboration`)).body) as { pairs: CollaborationPair[] }).pairs;
    const t0 = performance.now();
    const net = buildNetwork(pairs, 'sharedTasks');
    const clientMs = performance.now() - t0;
    console.log(`\nAnalysis views — ${g.docs} generated documents + seeds (${g.size.nodes} nodes, ${g.size.rels} relationships, ${g.size.tasks} tasks); load average ${startLoad} at the start, ${loadAverage()} at the end\n`);
    console.log(lines.join('\n\n'));
    console.log(`\nclient: ${pairs.length} pairs → ${net.nodes.length} nodes, ${net.clusters} Louvain clusters in ${clientMs.toFixed(0)} ms`);
  } finally {
    await g.close();
  }
}

runBench(import.meta.url, main);
