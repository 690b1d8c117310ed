/*
 * How an analysis endpoint sends an answer kept as JSON bytes (server/graph/queries/analysis-json.ts): the same
 * bytes for every request of a graph state, gzipped when the client accepts it and the answer is large, with
 * their ETag, so Express answers 304 to a browser that already holds them and never serialises, compresses or
 * hashes the answer again.
 */
import type { Request, Response } from 'express';
import type { JsonAnswer } from '../../graph/queries/analysis-json.ts';

export function sendJsonAnswer(req: Request, res: Response, answer: JsonAnswer): void {
  res.vary('Accept-Encoding').type('json');
  // An ETag already set keeps Express from hashing the body itself; res.send still checks freshness. The gzipped
  // bytes are another representation, so they get an ETag of their own.
  if (answer.gzipped && req.acceptsEncodings('gzip') === 'gzip') {
    res.set({ 'Content-Encoding': 'gzip', ETag: `${answer.etag.slice(0, -1)}-gzip"` }).send(answer.gzipped);
  } else {
    res.set('ETag', answer.etag).send(answer.body);
  }
}
