/*
 * `npm run bench:load [-- --docs N --batch B --concurrency C --naive-docs S --warm-up-docs W --heap 4g --loader-only --keep-data DIR]`: writes the same generated graph
 * three ways on a private embedded Neo4j and compares them — the loader (whole documents per
 * transaction, UNWIND-batched MERGE), LOAD CSV of that exact graph served over HTTP (the embedded Neo4j refuses
 * file:// URLs), and one transaction per fact on a sample, extrapolated. Extraction is timed apart:
 * the comparison is about writing.
 *
 * `--keep-data DIR` keeps the graph for the API and analysis benches: the Neo4j files and the corpus go to
 * DIR (emptied first; the layout of bench:api's --keep-data), the seeds are loaded on top at the end and
 * DIR/bench-graph.json records it, so `npm run bench:api -- --docs N --keep-data DIR` runs on it without
 * reloading. The one-transaction-per-fact sample is then skipped: it empties the graph.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { documentBytes, generateCorpus } from '../server/corpus/generate.ts';
import { createDriver, GraphDb } from '../server/graph/graph-db.ts';
import { applySchema } from '../server/graph/schema.ts';
import { clearGraph, graphCounts } from '../server/graph/writer/graph-state.ts';
import { prepareDocument, type PreparedDocument } from '../server/graph/writer/prepare-facts.ts';
import { DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY, loadPaths } from '../server/load/load-paths.ts';
import { extractFile, gazetteerFrom, type Extracted } from '../server/load/extract-file.ts';
import { startEmbeddedNeo4j } from '../server/neo4j/embedded-neo4j.ts';
import { loadCsv, writeGraphCsv } from './load-csv.ts';
import { naiveSample } from './naive-writes.ts';
import { ROOT_DIR } from '../server/version.ts';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${name} must be a positive integer`);
  return v;
}

const DOCS = option('--docs', 2000);
const CONCURRENCY = option('--concurrency', DEFAULT_CONCURRENCY);
const BATCH = option('--batch', DEFAULT_BATCH_SIZE);
const NAIVE_DOCS = option('--naive-docs', 40);
const WARMUP_DOCS = option('--warm-up-docs', 400);
// The embedded Neo4j's heap, for both paths. 4g: a transaction of 50 documents holds ~4,000 nodes and
// ~13,000 relationships in its state until commit, and at 2g G1 spent ~10 s of pauses copying it between
// survivor spaces (docs/loading.md); LOAD CSV, committing every 1,000 rows, does not notice the difference.
const HEAP = (() => {
  const i = process.argv.indexOf('--heap');
  const v = i >= 0 ? process.argv[i + 1] ?? '' : '4g';
  if (!/^\d+[mg]$/.test(v)) throw new Error('--heap must be a size such as 2g or 1536m');
  return v;
})();
// For tuning the loader alone: stop after its phase.
const LOADER_ONLY = process.argv.includes('--loader-only');
const keepAt = process.argv.indexOf('--keep-data');
const KEEP_DIR = keepAt >= 0 ? process.argv[keepAt + 1] : undefined;
if (keepAt >= 0 && (!KEEP_DIR || KEEP_DIR.startsWith('--'))) throw new Error('--keep-data needs a folder');
const log = (l: string) => process.stderr.write(`${l}\n`);

// Peak RSS per phase: the loader's own footprint is what the < 1 GiB target is about.
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

/** CPU seconds a process has used so far: utime + stime from Linux /proc, in clock ticks of 1/100 s. */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Node's and Neo4j's CPU seconds since the previous call: shows whether a phase was CPU-bound, and on which side. */
function phaseCpu(neoPid: number): () => string {
  let node = process.cpuUsage();
  let neo = cpuSeconds(neoPid);
  return () => {
    const n = process.cpuUsage(node);
    const j = cpuSeconds(neoPid) - neo;
    node = process.cpuUsage();
    neo = cpuSeconds(neoPid);
    return `CPU: Node ${((n.user + n.system) / 1e6).toFixed(1)} s, Neo4j ${j.toFixed(1)} s`;
  };
}

function phasePeak(): number {
  const peak = Math.max(peakRss, process.memoryUsage().rss);
  peakRss = process.memoryUsage().rss;
  return peak / 2 ** 20;
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-load-'));
  const keep = KEEP_DIR ? path.resolve(KEEP_DIR) : undefined;
  // A kept folder is emptied of a previous graph: the loader is measured on an empty database.
  for (const sub of ['neo4j', 'corpus', 'bench-graph.json']) if (keep) fs.rmSync(path.join(keep, sub), { recursive: true, force: true });
  const corpusDir = path.join(keep ?? work, 'corpus');
  fs.mkdirSync(corpusDir, { recursive: true });
  for (const d of generateCorpus({ seed: 7, docs: DOCS })) {
    fs.writeFileSync(path.join(corpusDir, d.name), documentBytes(d));
  }
  const files = fs.readdirSync(corpusDir).sort().map((f) => path.join(corpusDir, f));

  // Extraction, timed on its own. Its results go to disk as JSON and the loader reads them back, so the
  // loader's memory is measured without 2,000 documents' facts held at once.
  const gaz = gazetteerFrom();
  const factsDir = path.join(work, 'facts');
  fs.mkdirSync(factsDir);
  const factsFile = (f: string) => path.join(factsDir, `${path.basename(f)}.json`);
  const t0 = performance.now();
  const sample: PreparedDocument[] = [];
  let totalFacts = 0;
  let characters = 0;
  for (const f of files) {
    const e = extractFile(f, fs.readFileSync(f), gaz);
    const p = prepareDocument(e.facts, e.text);
    totalFacts += p.nodes.length + p.relationshipCount + 1;
    characters += e.text.length;
    if (sample.length < NAIVE_DOCS) sample.push(p);
    fs.writeFileSync(factsFile(f), JSON.stringify(e));
  }
  const extractSec = (performance.now() - t0) / 1000;
  const extractRss = phasePeak();

  log(`Starting a private embedded Neo4j (heap ${HEAP}, page cache 512m)…`);
  const neo = await startEmbeddedNeo4j({ dataDir: path.join(keep ?? work, 'neo4j'), boltPort: 0, heap: HEAP, pageCache: '512m', log: () => {} });
  const driver = createDriver(neo.uri, neo.user, neo.password);
  const db = new GraphDb(driver, undefined);
  try {
    await applySchema(db);

    // Warm-up: both paths once on another corpus, so neither pays the fresh JVM's JIT and plan compilation
    // alone. 60 documents were too few: C2 then still used 18 s of CPU during the loader phase (against 5 s
    // during LOAD CSV) on a two-core machine, and the loader measured 10-20% slower than warm.
    log(`Warm-up: the loader and LOAD CSV on ${WARMUP_DOCS} other documents…`);
    const warmDir = path.join(work, 'warm-up');
    fs.mkdirSync(warmDir);
    for (const d of generateCorpus({ seed: 99, docs: WARMUP_DOCS })) fs.writeFileSync(path.join(warmDir, d.name), Buffer.from(d.text, 'utf8'));
    await loadPaths(db, [warmDir], { concurrency: CONCURRENCY, batchSize: BATCH, gazetteer: gaz });
    await loadCsvRound(db, path.join(work, 'warm-up-csv'), neo.pid);
    await clearGraph(db);
    const cpu = phaseCpu(neo.pid);

    log(`Loader: ${files.length} documents, ${BATCH} per transaction, ${CONCURRENCY} transactions in flight…`);
    phasePeak();
    const summary = await loadPaths(db, [corpusDir], {
      concurrency: CONCURRENCY,
      batchSize: BATCH,
      extract: (f) => JSON.parse(fs.readFileSync(factsFile(f), 'utf8')) as Extracted,
    });
    const loaderSec = summary.seconds;
    const loaderRss = phasePeak();
    const counts = await graphCounts(db);
    if (summary.documents.failed > 0) {
      throw new Error(`${summary.documents.failed} documents failed to load, e.g. ${summary.failures[0]?.file}: ${summary.failures[0]?.reason}; the comparison would be meaningless`);
    }
    const loaderCpu = cpu();
    log(`  ${loaderSec.toFixed(1)} s for ${counts.nodes} nodes and ${counts.relationships} relationships; ${loaderCpu}`);

    if (LOADER_ONLY) {
      if (keep) await keepGraph(db, keep);
      return;
    }

    log('LOAD CSV of the same graph…');
    const { seconds: csvSec, cpu: csvCpu } = await loadCsvRound(db, path.join(work, 'csv'), neo.pid);
    const csvCounts = await graphCounts(db);
    log(`  ${csvSec.toFixed(1)} s; ${csvCpu}`);

    if (keep) await keepGraph(db, keep);
    else log(`One transaction per fact on ${NAIVE_DOCS} documents…`);
    const naive = keep ? undefined : await (async () => {
      await clearGraph(db);
      const n = await naiveSample(db, sample);
      return { ...n, extrapolated: n.seconds * (totalFacts / n.facts) };
    })();

    const rel = (sec: number) => counts.relationships / sec;
    const lines = [
      `Corpus: ${files.length} generated documents (${(characters / 1e6).toFixed(1)} M characters); ` +
        `graph: ${counts.nodes} nodes, ${counts.relationships} relationships (LOAD CSV graph: ${csvCounts.nodes} nodes, ${csvCounts.relationships} relationships).`,
      `Database: embedded Neo4j ${neo.version}, heap ${HEAP}, page cache 512m, the same for every path; ${os.cpus().length} CPU cores.`,
      `Extraction (not part of the comparisons): ${extractSec.toFixed(1)} s, ${(files.length / extractSec).toFixed(0)} documents/s.`,
      `Loader (read file, hash, read back the extracted facts, validate, ${BATCH} documents per transaction, ${CONCURRENCY} transactions in flight): ` +
        `${loaderSec.toFixed(1)} s, ${(files.length / loaderSec).toFixed(0)} documents/s, ${rel(loaderSec).toFixed(0)} relationships/s; ${loaderCpu}.`,
      `LOAD CSV (the same nodes and relationships with all their properties, MERGE, CALL IN TRANSACTIONS OF 1000 ROWS, CSV served over HTTP; excludes CSV export): ` +
        `${csvSec.toFixed(1)} s, ${(files.length / csvSec).toFixed(0)} documents/s, ${rel(csvSec).toFixed(0)} relationships/s; ${csvCpu}.`,
      naive
        ? `One transaction per fact (measured on ${naive.docs} documents, ${naive.facts} facts in ${naive.seconds.toFixed(1)} s, extrapolated to ${totalFacts} facts): ` +
          `${naive.extrapolated.toFixed(0)} s, ${(files.length / naive.extrapolated).toFixed(1)} documents/s, ${rel(naive.extrapolated).toFixed(0)} relationships/s.`
        : `One transaction per fact: skipped (--keep-data; it would empty the kept graph).`,
      `Ratios (relationships/s, same graph): loader / LOAD CSV = ${(csvSec / loaderSec).toFixed(2)} (target ≥ 0.9)` +
        (naive ? `, loader / naive = ${(naive.extrapolated / loaderSec).toFixed(1)} (target ≥ 20).` : '.'),
      `Peak RSS of this Node process: loader phase ${loaderRss.toFixed(0)} MiB (target < 1024); extraction phase ${extractRss.toFixed(0)} MiB; ` +
        `whole run ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (includes the CSV export of the whole graph).`,
    ];
    console.log(lines.join('\n'));
  } finally {
    clearInterval(sampler);
    await driver.close();
    await neo.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Adds the seeds to the graph and records it in bench:api's layout (bench-graph.json), so that bench reuses it. */
async function keepGraph(db: GraphDb, dir: string): Promise<void> {
  const summary = await loadPaths(db, [path.join(ROOT_DIR, 'seeds', 'documents')], {});
  const counts = await graphCounts(db);
  fs.writeFileSync(path.join(dir, 'bench-graph.json'), `${JSON.stringify({ docs: DOCS, nodes: counts.nodes, relationships: counts.relationships, loadedAt: new Date().toISOString() })}\n`);
  log(`Kept the graph (${DOCS} generated documents + ${summary.documents.loaded} seeds: ${counts.nodes} nodes, ${counts.relationships} relationships) in ${dir}: npm run bench:api -- --docs ${DOCS} --keep-data ${dir}`);
}

/** Exports the graph to CSV, empties it and loads it back with LOAD CSV over HTTP; returns the LOAD CSV seconds. */
async function loadCsvRound(db: GraphDb, csvDir: string, neoPid: number): Promise<{ seconds: number; cpu: string }> {
  const csvFiles = await writeGraphCsv(db, csvDir);
  await clearGraph(db);
  const server = http.createServer((req, res) => {
    const file = path.join(csvDir, path.basename(req.url ?? ''));
    if (!fs.existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/csv' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  try {
    const cpu = phaseCpu(neoPid);
    const seconds = await loadCsv(db, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, csvFiles);
    return { seconds, cpu: cpu() };
  } finally {
    server.close();
  }
}

main().catch((err: unknown) => {
  // AppErrors keep Neo4j's own code in details; without it "Neo4j is busy" says nothing about why.
  const details = (err as { details?: unknown }).details;
  log(err instanceof Error ? err.stack ?? err.message : String(err));
  if (details) log(`details: ${JSON.stringify(details)}`);
  process.exit(1);
});
