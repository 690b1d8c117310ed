/*
 * Whole-archive analysis answers kept as their JSON bytes, per graph state and request (issue 17). The views
 * answer hundreds of kilobytes (workload and a year pair of Plans over time about 730 kB on the bench graph),
 * and the answer only changes when documents do; serialising it for each request put the same work on the one
 * event loop once per client: eight clients opening a view after a load waited for eight serialisations, and
 * a year pair also filtered its matching and recounted every agency's movement per request. So each answer is
 * computed, serialised and hashed (its ETag) once per graph state and request, and every request after that
 * sends the same bytes — or 304 when the browser already holds them. An answer of more than a few kilobytes is
 * also kept gzipped (compressed once, off the event loop): the views' answers repeat the same keys and ids
 * thousands of times and shrink about tenfold, so each client receives and the browser reads far fewer bytes.
 * docs/analysis-performance.md measures it.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { GraphDb } from '../graph-db.ts';
import { GraphStateCache } from './graph-state-cache.ts';

/** An answer as the bytes of its JSON text, the same gzipped (null when small), and the ETag that names them. */
export interface JsonAnswer { body: Buffer; gzipped: Buffer | null; etag: string }

/** Smaller answers go as they are: compressing them would save less than a packet. */
const GZIP_FROM = 8 * 1024;
const gzipBytes = promisify(gzip);

export async function jsonAnswer(value: unknown): Promise<JsonAnswer> {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  const gzipped = body.length >= GZIP_FROM ? await gzipBytes(body) : null;
  return { body, gzipped, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}

/**
 * At most 256 answers and 64 MB of them: a page of year pairs is a few megabytes, and each position of the
 * threshold slider is an answer of its own.
 */
const answers = new GraphStateCache<JsonAnswer>(256, (a) => a.body.length + (a.gzipped?.length ?? 0), 64 * 1024 * 1024);

/**
 * The answer of `key` (the view and its parameters, unique across the analysis views) for the graph as it is
 * now, computed and serialised at most once per graph state; requests arriving together share it.
 */
export function cachedJson(db: GraphDb, key: string, timeoutMs: number, compute: () => Promise<unknown>): Promise<JsonAnswer> {
  return answers.get(db, key, timeoutMs, async () => jsonAnswer(await compute()));
}
