/*
 * `npm run bench:extract`: extraction throughput on a generated corpus of at least 50 MB
 * (UTF-8 and GBK, every list and numbering style). Prints MB per CPU-second and MB per wall-clock second
 * (of input bytes) and peak memory. Runs on one core: one process, no workers. The ≥ 5 MB/s check uses
 * CPU time (process.cpuUsage, user + system): on a shared machine wall-clock time measures the other
 * processes as much as this one. Set BENCH_MB to change the corpus size.
 */
import iconv from 'iconv-lite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from '../server/corpus/generate.ts';
import { extractDocument } from '../server/extract/index.ts';
import { readGazetteer } from '../server/extract/read-gazetteer.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const gazetteer = readGazetteer(path.join(root, 'seeds', 'gazetteer'));
const targetMB = Number(process.env.BENCH_MB ?? 50);
const MIN_MB_PER_S = 5;

let peakRss = 0;
let peakHeap = 0;
const sample = (): void => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};

// Build the corpus as bytes first so that generation is not timed.
const encoder = new TextEncoder();
const docs: { id: string; bytes: Uint8Array }[] = [];
let totalBytes = 0;
for (const d of generateCorpus({ seed: 20240601, minBytes: Number.MAX_SAFE_INTEGER })) {
  const bytes = d.encoding === 'gbk' ? new Uint8Array(iconv.encode(d.text, 'gbk')) : encoder.encode(d.text);
  docs.push({ id: d.name.replace(/\.[^.]+$/, ''), bytes });
  totalBytes += bytes.length;
  if (totalBytes >= targetMB * 1024 * 1024) break;
}
sample();

const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
let facts = 0;
for (let i = 0; i < docs.length; i++) {
  const d = docs[i]!;
  const r = extractDocument({ id: d.id, file: `${d.id}.txt`, bytes: d.bytes, gazetteer });
  facts += r.facts.relationships.length;
  if (i % 200 === 0) sample();
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
sample();

const mb = totalBytes / (1024 * 1024);
const rate = mb / cpuSeconds;
const fmt = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} MB`;
console.log(`documents:      ${docs.length}`);
console.log(`input:          ${mb.toFixed(1)} MB`);
console.log(`relationships:  ${facts}`);
console.log(`CPU time:       ${cpuSeconds.toFixed(2)} s (user ${(cpu.user / 1e6).toFixed(2)} s + system ${(cpu.system / 1e6).toFixed(2)} s)`);
console.log(`wall-clock:     ${seconds.toFixed(2)} s`);
console.log(`throughput:     ${rate.toFixed(2)} MB per CPU-second (target ≥ ${MIN_MB_PER_S}; this is the checked figure)`);
console.log(`wall-clock:     ${(mb / seconds).toFixed(2)} MB/s (not checked: includes waiting for a loaded machine)`);
console.log(`peak RSS:       ${fmt(peakRss)}`);
console.log(`peak heap used: ${fmt(peakHeap)}`);
if (rate < MIN_MB_PER_S) {
  console.error(`bench:extract: ${rate.toFixed(2)} MB per CPU-second is below the ${MIN_MB_PER_S} MB/s target`);
  process.exitCode = 1;
}
