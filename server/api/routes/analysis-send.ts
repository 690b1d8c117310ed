/*
 * How an analysis endpoint sends an answer kept as JSON bytes (server/graph/queries/analysis-json.ts): the same
 * bytes for every request of a graph state, with their ETag, so Express answers 304 to a browser that already
 * holds them and never serialises or hashes the answer again.
 */
import type { Response } from 'express';
import type { JsonAnswer } from '../../graph/queries/analysis-json.ts';

export function sendJsonAnswer(res: Response, answer: JsonAnswer): void {
  // An ETag already set keeps Express from hashing the body itself; res.send still checks freshness.
  res.set('ETag', answer.etag).type('json').send(answer.body);
}
