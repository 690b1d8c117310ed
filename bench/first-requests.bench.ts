/*
 * `npx tsx bench/first-requests.bench.ts [--docs N --keep-data DIR --warm yes|no --pattern seq|burst]`: the
 * first request to each endpoint after a fresh start, with or without the query plans warmed first
 * (server/graph/warm-plans.ts). Neo4j's plan cache lives in its JVM, so every run starts its own embedded
 * Neo4j on the bench graph (bench-graph.ts; with --keep-data a kept one) and the app without warming; with
 * `--warm yes` the warming runs next, timed. Then each endpoint is asked once — one after another (`seq`) or
 * all at once (`burst`, what showed the 408s) — and once more, already planned, for comparison.
 */
import { loadAverage, openBenchGraph, runBench, stringOption } from './bench-graph.ts';
import { logWarmReport, warmPlans, warmStatements } from '../server/graph/warm-plans.ts';

interface Case { name: string; url: string; body?: unknown }
interface Timed { ms: number; status: number }

async function timed(c: Case): Promise<Timed> {
  const t0 = performance.now();
  const r = await fetch(c.url, c.body ? { method: 'POST', body: JSON.stringify(c.body), headers: { 'content-type': 'application/json' } } : {});
  await r.arrayBuffer();
  return { ms: performance.now() - t0, status: r.status };
}

async function main(): Promise<void> {
  const warm = stringOption('--warm') !== 'no';
  const pattern = stringOption('--pattern') ?? 'seq';
  if (pattern !== 'seq' && pattern !== 'burst') throw new Error('--pattern must be seq or burst');
  const t0 = performance.now();
  const g = await openBenchGraph({ tmpPrefix: 'bench-first-', env: { WARM_PLANS_ON_START: 'false' } });
  const startS = (performance.now() - t0) / 1000;
  try {
    // Ids picked by statements no endpoint sends, so picking them plans nothing an endpoint uses.
    const [ids] = await g.db.read<{ agency: string; other: string; plan: string; doc: string }>(
      `MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->() WITH a, count(r) AS n WHERE n > 20 WITH a LIMIT 1
       MATCH (b:Agency) WHERE b <> a WITH a, b SKIP 5 LIMIT 1
       MATCH (d:Document)-[:DESCRIBES]->(p:Plan) WITH a, b, d, p SKIP 3 LIMIT 1
       RETURN a.id AS agency, b.id AS other, p.id AS plan, d.docId AS doc`);
    if (!ids) throw new Error('The bench graph has no agency with tasks or no plan');
    let warmLine = 'not warmed';
    if (warm) {
      const report = await warmPlans(g.db, warmStatements(), { log: (l) => console.log(l) });
      logWarmReport(report, (l) => { warmLine = l; });
      warmLine += ` Slowest: ${[...report.timings].sort((a, b) => b.ms - a.ms).slice(0, 6).map((t) => `${t.name} ${t.ms} ms`).join(', ')}`;
    }
    const u = `${g.app.url}/api`;
    const e = encodeURIComponent;
    const cases: Case[] = [
      { name: 'health', url: `${u}/health` },
      { name: 'search 长乐', url: `${u}/search?q=${e('长乐')}` },
      { name: 'search changle', url: `${u}/search?q=changle` },
      { name: 'node', url: `${u}/nodes/${e(ids.agency)}` },
      { name: 'neighbors', url: `${u}/nodes/${e(ids.agency)}/neighbors?limit=50` },
      { name: 'expand', url: `${u}/expand`, body: { ids: [ids.agency] } },
      { name: 'touches', url: `${u}/nodes/${e(ids.plan)}/touches` },
      { name: 'paths', url: `${u}/paths?from=${e(ids.agency)}&to=${e(ids.other)}` },
      { name: 'overview', url: `${u}/overview` },
      { name: 'overview year', url: `${u}/overview/years/2021` },
      { name: 'schema', url: `${u}/schema` },
      { name: 'stats', url: `${u}/stats` },
      { name: 'documents', url: `${u}/documents` },
      { name: 'document', url: `${u}/documents/${e(ids.doc)}` },
      { name: 'readings', url: `${u}/documents/${e(ids.doc)}/readings` },
      { name: 'q tasks-of-agency', url: `${u}/queries/tasks-of-agency`, body: { params: { agency: ids.agency } } },
      { name: 'q plan-outline', url: `${u}/queries/plan-outline`, body: { params: { plan: ids.plan } } },
      { name: 'q shared-tasks', url: `${u}/queries/shared-tasks`, body: { params: { agency: ids.agency } } },
      { name: 'analysis filters', url: `${u}/analysis/filters` },
      { name: 'analysis breakdown plans', url: `${u}/analysis/breakdown/plans` },
      { name: 'analysis plans series', url: `${u}/analysis/plans/series` },
    ];
    const before = loadAverage();
    const first: Timed[] = [];
    if (pattern === 'burst') first.push(...await Promise.all(cases.map(timed)));
    else for (const c of cases) first.push(await timed(c));
    const again: Timed[] = [];
    for (const c of cases) again.push(await timed(c));
    const sum = (xs: Timed[]) => xs.reduce((n, x) => n + x.ms, 0).toFixed(0);
    console.log(`\nFirst requests after a start (${pattern}), ${g.docs} generated documents + seeds (${g.size.nodes} nodes); start ${startS.toFixed(1)} s; ${warmLine}; load average ${before} → ${loadAverage()}`);
    cases.forEach((c, i) => console.log(`${c.name.padEnd(26)} first ${first[i]!.ms.toFixed(0).padStart(6)} ms (${first[i]!.status})   again ${again[i]!.ms.toFixed(0).padStart(5)} ms`));
    console.log(`${'sum'.padEnd(26)} first ${sum(first).padStart(6)} ms   again ${sum(again)} ms   408s ${first.filter((x) => x.status === 408).length} of ${cases.length}`);
  } finally {
    await g.close();
  }
}

runBench(import.meta.url, main);
