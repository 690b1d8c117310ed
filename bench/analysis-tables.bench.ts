/*
 * `npx tsx bench/analysis-tables.bench.ts [-- --docs N --runs R --keep-data DIR | --url http://127.0.0.1:3000]`:
 * how long the 分工表 views wait for their data, one request at a time as a user opening the view would (issue
 * 17 asks for 2 s per view on the benchmark graph): median and worst of R requests after a warm-up. On the
 * benchmark graph of bench-graph.ts (the same --keep-data folder as bench:api), or on a running server (--url).
 * Targets against results, cold and warm, is timed by bench/analysis.bench.ts with the other views.
 */
import { intOption, loadAverage, openBenchGraph, runBench, stringOption } from './bench-graph.ts';

const RUNS = intOption('--runs', 5);

/** Median and worst of RUNS timed GETs after one warm-up, and the answer's size. */
async function time(base: string, name: string, path: string): Promise<unknown> {
  const get = async () => {
    const res = await fetch(`${base}${path}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    if (!res.ok) throw new Error(`${name}: HTTP ${res.status} ${bytes.toString('utf8').slice(0, 300)}`);
    return bytes;
  };
  let bytes = await get();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    bytes = await get();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  console.log(`${name.padEnd(72)} median ${ms[Math.floor(ms.length / 2)]!.toFixed(0).padStart(6)} ms   max ${ms.at(-1)!.toFixed(0).padStart(6)} ms   ${(bytes.length / 1024).toFixed(0).padStart(6)} kB`);
  return bytes[0] === 0x7b ? JSON.parse(bytes.toString('utf8')) : null;
}

async function measure(base: string): Promise<void> {
  const health = await (await fetch(`${base}/api/health`)).json() as { counts?: Record<string, number> };
  console.log(`Analysis tables on ${base} (${JSON.stringify(health.counts ?? {})}), ${RUNS} runs each after a warm-up, load average ${loadAverage()}\n`);
  const { plans } = await time(base, 'plans with tasks (the picker)', '/api/analysis/breakdown/plans') as { plans: { id: string; name: string; tasks: number }[] };
  const biggest = [...plans].sort((a, b) => b.tasks - a.tasks)[0]!;
  const plan = encodeURIComponent(biggest.id);
  await time(base, `分工表 of the largest plan (${biggest.tasks} tasks), the view's 500 rows`, `/api/analysis/breakdown?plan=${plan}&limit=500`);
  await time(base, '  … all of it (2,000 at most), JSON', `/api/analysis/breakdown?plan=${plan}`);
  await time(base, '  … as XLSX', `/api/analysis/breakdown?plan=${plan}&format=xlsx`);
  await time(base, '  … as CSV', `/api/analysis/breakdown?plan=${plan}&format=csv`);
  const stats = await (await fetch(`${base}/api/stats?limit=1`)).json() as { agencies: { id: string; name: string; tasks: number }[] };
  const hub = stats.agencies[0]!;
  await time(base, `agency breakdown of the busiest agency (${hub.name}, ${hub.tasks} tasks), the view's 500`, `/api/analysis/breakdown?agency=${encodeURIComponent(hub.id)}&limit=500`);
  await time(base, '  … 2,000 rows, as XLSX', `/api/analysis/breakdown?agency=${encodeURIComponent(hub.id)}&format=xlsx`);
  console.log(`\nload average at the end ${loadAverage()}`);
}

async function main(): Promise<void> {
  const url = stringOption('--url');
  if (url) return measure(url);
  const g = await openBenchGraph({ tmpPrefix: 'bench-analysis-tables-' });
  try {
    await measure(g.app.url);
  } finally {
    await g.close();
  }
}

runBench(import.meta.url, main);
