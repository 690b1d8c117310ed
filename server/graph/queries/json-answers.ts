/*
 * Answers kept as their JSON bytes, per graph state and request: the analysis views' (issue 17) and the read
 * endpoints' (issue 16). The views answer hundreds of kilobytes (workload and a year pair of Plans over time about
 * 730 kB on the bench graph), and the answer only changes when documents do; serialising it for each request put
 * the same work on the one event loop once per client: eight clients opening a view after a load waited for eight
 * serialisations, and a year pair also filtered its matching and recounted every agency's movement per request. So
 * each answer is computed, serialised and hashed (its ETag) once per graph state and request, and every request
 * after that sends the same bytes — or 304 when the browser already holds them. An answer of more than a few
 * kilobytes is also kept gzipped (compressed once, off the event loop, when a client that accepts gzip first
 * asks): the views' answers repeat the same keys and ids thousands of times and shrink about tenfold, so each
 * client receives and the browser reads far fewer bytes. docs/analysis-performance.md measures it. The read
 * endpoints (a document with its spans, a node's neighbours, search, a page of a curated query) are cheaper each,
 * but the same few are asked for again and again — the document a planner reads, the hub everyone expands — and on
 * two cores thirty-two such requests at once queue behind each other's Cypher; from the cache each costs one
 * look-up of the graph's state (shared by requests arriving together, graph-state-cache.ts) and a write of bytes.
 * docs/api.md ("Answers kept per graph state").
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { GraphDb } from '../graph-db.ts';
import { GraphStateCache } from './graph-state-cache.ts';

/**
 * An answer as the bytes of its JSON text, the ETag that names them, and the same gzipped (null when small):
 * compressed when a client that accepts gzip first asks, then kept, so a client that does not (a benchmark,
 * curl) never pays for it.
 */
export interface JsonAnswer { body: Buffer; etag: string; gzipped(): Promise<Buffer | null> }

/** Smaller answers go as they are: compressing them would save less than a packet. */
const GZIP_FROM = 8 * 1024;
const gzipBytes = promisify(gzip);

export function jsonAnswer(value: unknown): JsonAnswer {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  let zipped: Promise<Buffer> | null = null;
  return {
    body, etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
    gzipped: () => (body.length < GZIP_FROM ? Promise.resolve(null) : (zipped ??= gzipBytes(body))),
  };
}

/** What an answer weighs in its cache: its bytes, and a quarter more for the gzipped copy it may keep. */
const weight = (a: JsonAnswer) => a.body.length + (a.body.length < GZIP_FROM ? 0 : Math.ceil(a.body.length / 4));

/**
 * Analysis answers: at most 256 and 64 MB of them: a page of year pairs is a few megabytes, and each position of
 * the threshold slider is an answer of its own.
 */
const analysisAnswers = new GraphStateCache<JsonAnswer>(256, weight, 64 * 1024 * 1024);

/**
 * Read answers: many small ones (a search is a few kilobytes, a plan with its spans a few hundred) asked for by
 * every user, so more of them in a budget of their own; a burst of reads never pushes out an analysis that took
 * seconds.
 */
const readAnswers = new GraphStateCache<JsonAnswer>(4096, weight, 48 * 1024 * 1024);

/**
 * The answer of `key` (the view and its parameters, unique across the analysis views) for the graph as it is
 * now, computed and serialised at most once per graph state; requests arriving together share it.
 */
export function cachedJson(db: GraphDb, key: string, timeoutMs: number, compute: () => Promise<unknown>): Promise<JsonAnswer> {
  return analysisAnswers.get(db, key, timeoutMs, async () => jsonAnswer(await compute()));
}

/**
 * The answer of a read endpoint: `key` names the endpoint and its parsed input. `fresh` (the client sent
 * `Cache-Control: no-cache`) reads the graph again instead of answering from the cache.
 */
export function cachedReadJson(db: GraphDb, key: string, timeoutMs: number, compute: () => Promise<unknown>, fresh: boolean): Promise<JsonAnswer> {
  return readAnswers.get(db, key, timeoutMs, async () => jsonAnswer(await compute()), fresh);
}
