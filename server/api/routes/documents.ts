/*
 * Source documents: the list, and one document's original text with the spans of every fact drawn from
 * it (for highlighting in the reader).
 */
import { Router } from 'express';
import { z } from 'zod';
import { documentView, listDocuments } from '../../graph/queries/documents.ts';
import type { AppDeps } from '../app-deps.ts';
import type { ApiRegistry } from '../openapi.ts';
import { parseInput } from '../validate.ts';
import { entityId } from './params.ts';

export const DocumentsQuery = z.strictObject({});
export const DocumentPath = z.strictObject({ id: entityId.describe('Document node id (document:<id>) or bare document id') });

export function documentRoutes(deps: AppDeps, registry: ApiRegistry): Router {
  const router = Router();
  const timeoutMs = deps.config.cypher.timeoutMs;

  registry.add({ method: 'get', path: '/documents', tag: 'documents', summary: 'Loaded documents', query: DocumentsQuery, response: '{documents: [{id, docId, title, file, kind, issued, loadedAt, length, nodes}]}' });
  router.get('/documents', async (req, res) => {
    parseInput(DocumentsQuery, req.query, 'query');
    res.json({ documents: await listDocuments(deps.db, timeoutMs) });
  });

  registry.add({ method: 'get', path: '/documents/:id', tag: 'documents', summary: 'A document with its original text and the spans of its facts', params: DocumentPath, response: '{document: {id, docId, title, file, kind, issued, text}, spans: [{start, end, text, type, from, fromName, to, toName}]}' });
  router.get('/documents/:id', async (req, res) => {
    const { id } = parseInput(DocumentPath, req.params, 'path');
    res.json(await documentView(deps.db, id, timeoutMs));
  });
  return router;
}
