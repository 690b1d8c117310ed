/*
 * How an analysis or read endpoint sends an answer kept as JSON bytes (server/graph/queries/json-answers.ts): the same
 * bytes for every request of a graph state, gzipped when the client accepts it and the answer is large, with
 * their ETag, so Express answers 304 to a browser that already holds them and never serialises, compresses or
 * hashes the answer again.
 */
import type { Request, Response } from 'express';
import type { GraphDb } from '../../graph/graph-db.ts';
import { cachedReadJson, type JsonAnswer } from '../../graph/queries/json-answers.ts';

export async function sendJsonAnswer(req: Request, res: Response, answer: JsonAnswer): Promise<void> {
  // no-cache: a browser keeps the answer but asks again each time (If-None-Match), since a load changes it.
  res.vary('Accept-Encoding').type('json').set('Cache-Control', 'no-cache');
  // An ETag already set keeps Express from hashing the body itself; res.send still checks freshness. The gzipped
  // bytes are another representation, so they get an ETag of their own.
  const zipped = req.acceptsEncodings('gzip') === 'gzip' ? await answer.gzipped() : null;
  if (zipped) {
    res.set({ 'Content-Encoding': 'gzip', ETag: `${answer.etag.slice(0, -1)}-gzip"` }).send(zipped);
  } else {
    res.set('ETag', answer.etag).send(answer.body);
  }
}

/**
 * A read endpoint's answer, kept per graph state (json-answers.ts) under the endpoint's path and its parsed
 * input, so equal requests share one key whatever order or spelling their query string had. A client that
 * sends `Cache-Control: no-cache` (a browser's hard reload, a benchmark timing the uncached read) is answered
 * from the graph again, and `compute` is told so, for the parts it keeps apart (a curated query's totals).
 */
export async function sendReadAnswer(req: Request, res: Response, db: GraphDb, input: unknown, timeoutMs: number, compute: (fresh: boolean) => Promise<unknown>): Promise<void> {
  const fresh = /\bno-cache\b/i.test(req.get('cache-control') ?? '') || /\bno-cache\b/i.test(req.get('pragma') ?? '');
  const key = `${req.method} ${req.baseUrl}${req.route?.path ?? req.path}|${JSON.stringify(input)}`;
  await sendJsonAnswer(req, res, await cachedReadJson(db, key, timeoutMs, () => compute(fresh), fresh));
}
