/*
 * `npx tsx bench/analysis-tables.bench.ts -- --url http://127.0.0.1:3000 [--runs 5]`: how long the 分工表 and
 * targets-against-results views wait for their data on a running server, one request at a time as a user
 * opening the view would (issue 17 asks for 2 s per view on the benchmark graph). Start the server on the
 * benchmark corpus first: `npm run gen:corpus -- --docs 2000 --seed 7 --out DIR`, copy seeds/documents into DIR,
 * then `SEEDS_DIR=DIR DATA_DIR=… npm start` (docs/api.md, "Analysis").
 */

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const BASE = option('--url') ?? 'http://127.0.0.1:3000';
const RUNS = Number(option('--runs') ?? 5);
if (!Number.isInteger(RUNS) || RUNS <= 0) throw new Error('--runs must be a positive integer');

/** Median and worst of RUNS timed GETs after one warm-up, and the answer's size. */
async function time(name: string, path: string): Promise<unknown> {
  const get = async () => {
    const res = await fetch(`${BASE}${path}`);
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

async function main(): Promise<void> {
  const health = await (await fetch(`${BASE}/api/health`)).json() as { counts?: Record<string, number> };
  console.log(`Analysis tables on ${BASE} (${JSON.stringify(health.counts ?? {})}), ${RUNS} runs each after a warm-up\n`);
  const { plans } = await time('plans with tasks (the picker)', '/api/analysis/breakdown/plans') as { plans: { id: string; name: string; tasks: number }[] };
  const biggest = [...plans].sort((a, b) => b.tasks - a.tasks)[0]!;
  const plan = encodeURIComponent(biggest.id);
  await time(`分工表 of the largest plan (${biggest.tasks} tasks), the view's 500 rows`, `/api/analysis/breakdown?plan=${plan}&limit=500`);
  await time('  … all of it (2,000 at most), JSON', `/api/analysis/breakdown?plan=${plan}`);
  await time('  … as XLSX', `/api/analysis/breakdown?plan=${plan}&format=xlsx`);
  await time('  … as CSV', `/api/analysis/breakdown?plan=${plan}&format=csv`);
  const stats = await (await fetch(`${BASE}/api/stats?limit=1`)).json() as { agencies: { id: string; name: string; tasks: number }[] };
  const hub = stats.agencies[0]!;
  await time(`agency breakdown of the busiest agency (${hub.name}, ${hub.tasks} tasks), the view's 500`, `/api/analysis/breakdown?agency=${encodeURIComponent(hub.id)}&limit=500`);
  await time('  … 2,000 rows, as XLSX', `/api/analysis/breakdown?agency=${encodeURIComponent(hub.id)}&format=xlsx`);
  const targets = await time('targets against results (every indicator, first 300)', '/api/analysis/targets') as { indicators: { indicatorId: string; targets: number }[]; results: unknown[] };
  const most = [...targets.indicators].sort((a, b) => b.targets - a.targets)[0]!;
  await time(`  … one indicator (${most.targets} targets, first 1,000)`, `/api/analysis/targets?indicator=${encodeURIComponent(most.indicatorId)}&limit=1000`);
  console.log(`\n${targets.results.length} targets of ${targets.indicators.length} indicators`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
