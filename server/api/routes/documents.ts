/*
 * Source documents: the library (list with counts, filters, paging and facets), one document's original
 * text with the spans of every fact drawn from it (for highlighting in the reader), and the writes —
 * upload with a preview (dryRun) and removal — guarded by write-access.ts.
 */
import { Router } from 'express';
import { z } from 'zod';
import { documentReadings } from '../../graph/queries/document-readings.ts';
import { DOCUMENT_SORT_KEYS, documentLibrary, documentView } from '../../graph/queries/documents.ts';
import { gazetteerFrom } from '../../load/extract-file.ts';
import { MAX_UPLOAD_FILES, removeLoadedDocument, UPLOAD_EXTENSIONS, UPLOAD_FIELD, uploadDocuments } from '../../load/upload-documents.ts';
import type { AppDeps } from '../app-deps.ts';
import { readUploadedFiles } from '../multipart-files.ts';
import type { ApiRegistry } from '../openapi.ts';
import { parseInput } from '../validate.ts';
import { REQUIRED_WRITE_HEADER, requireWriteAccess, writeCapabilities } from '../write-access.ts';
import { boolParam, entityId, intParam, NoQuery } from './params.ts';
import { sendReadAnswer } from './send-json-answer.ts';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const DocumentsQuery = z.strictObject({
  // An empty search box sends q= : it means no search, not an error.
  q: z.string().trim().max(200, 'must be at most 200 characters').optional().describe('title or file name contains this (case-insensitive); empty means all'),
  year: z.string().regex(/^\d{4}$/, 'must be a four-digit year').optional().describe('year of issue'),
  issuer: text(200).optional().describe('issuing body, exactly as listed in facets.issuers'),
  jurisdiction: text(100).optional().describe('jurisdiction, exactly as listed in facets.jurisdictions'),
  kind: z.enum(['plan', 'news', 'notice']).optional(),
  sort: z.enum(DOCUMENT_SORT_KEYS).default('issued'),
  order: z.enum(['asc', 'desc']).optional().describe('default: desc for dates, sizes and counts, asc for names'),
  limit: intParam(1, 1000, 100),
  offset: intParam(0, 1_000_000, 0),
});
export const DocumentPath = z.strictObject({ id: entityId.describe('Document node id (document:<id>) or bare document id') });
export const UploadQuery = z.strictObject({ dryRun: boolParam(false).describe('answer the preview and write nothing') });

const ASCENDING_BY_DEFAULT = new Set(['title', 'file', 'issuer']);
const WRITE_HEADERS = { [REQUIRED_WRITE_HEADER]: 'any value; a cross-site form cannot add it (403 without it)' };

export function documentRoutes(deps: AppDeps, registry: ApiRegistry): Router {
  const router = Router();
  const timeoutMs = deps.config.cypher.timeoutMs;
  const canWrite = requireWriteAccess(deps.config.adminToken);
  const uploadLimits = { field: UPLOAD_FIELD, maxFileBytes: deps.config.maxDocumentBytes, maxRequestBytes: deps.config.maxUploadBytes, maxFiles: MAX_UPLOAD_FILES };

  registry.add({
    method: 'get', path: '/documents', tag: 'documents', summary: 'The document library: loaded documents with what was read from each, filtered, sorted and paged',
    query: DocumentsQuery,
    response: '{documents: [{id, docId, title, file, kind, issued, year, issuer, jurisdiction, jurisdictionLevel, size, length, loadedAt, nodes, plan, counts: {tasks, responsibilities, entities, targets, observations, warnings} | null}], total, offset, limit, sort, order, facets: {years, issuers, jurisdictions, kinds}}',
  });
  router.get('/documents', async (req, res) => {
    const q = parseInput(DocumentsQuery, req.query, 'query');
    const order = q.order ?? (ASCENDING_BY_DEFAULT.has(q.sort) ? 'asc' : 'desc');
    await sendReadAnswer(req, res, deps.db, { ...q, order }, timeoutMs, async () => {
      const library = await documentLibrary(deps.db, { ...q, desc: order === 'desc' }, timeoutMs);
      return { ...library, offset: q.offset, limit: q.limit, sort: q.sort, order };
    });
  });

  registry.add({
    method: 'get', path: '/documents/capabilities', tag: 'documents', summary: 'Whether this client may upload and remove documents, and the upload limits',
    description: 'Reads are open to every client. Writes come from loopback only, or with ADMIN_TOKEN set from any client sending it as a bearer token (send the Authorization header here to check a token).',
    query: NoQuery,
    response: '{write: {allowed, via: loopback|token|null, reason, tokenRequired}, requiredHeader, limits: {maxFileBytes, maxRequestBytes, maxFiles}, extensions}',
  });
  router.get('/documents/capabilities', (req, res) => {
    parseInput(NoQuery, req.query, 'query');
    res.json(writeCapabilities(
      { remoteAddress: req.socket.remoteAddress, authorization: req.get('authorization') },
      deps.config, { maxFiles: MAX_UPLOAD_FILES, extensions: UPLOAD_EXTENSIONS },
    ));
  });

  registry.add({
    method: 'post', path: '/documents', tag: 'documents', summary: 'Upload documents: a preview of what was read (dryRun=true), or load them in one transaction',
    description: 'Every file is extracted and checked before anything is written; a bad file (binary, empty, undecodable, wrong extension) refuses the whole upload with a 4xx naming it. An unchanged file (same sha256) is a no-op; a file with the name of a loaded document replaces it.',
    query: UploadQuery, headers: WRITE_HEADERS,
    files: { field: UPLOAD_FIELD, description: `one or more document files (${UPLOAD_EXTENSIONS.join(', ')}; UTF-8 or GBK/GB18030)` },
    response: '{dryRun, documents: [{file, docId, size, sha256, status: new|unchanged|replacement, replaces, document: {title, issuer, jurisdiction, jurisdictionLevel, issued, kind}, counts, tasks: [{id, path, section, title, units: [{id, name, role, rank, resolved}]}], entities, targets, warnings: [{code, message, unit?}], written?: loaded|replaced|unchanged}], counters}',
  });
  router.post('/documents', canWrite, async (req, res) => {
    const { dryRun } = parseInput(UploadQuery, req.query, 'query');
    const files = await readUploadedFiles(req, uploadLimits);
    res.json(await uploadDocuments(deps.db, files, { dryRun, gazetteer: gazetteerFrom() }));
  });

  registry.add({ method: 'get', path: '/documents/:id', tag: 'documents', summary: 'A document with its original text and the spans of its facts', params: DocumentPath, query: NoQuery, response: '{document: {id, docId, title, file, kind, issued, issuer, jurisdiction, size, sha256, loadedAt, warnings, text}, spans: [{start, end, text, type, from, fromName, to, toName, relationship}]}' });
  router.get('/documents/:id', async (req, res) => {
    const { id } = parseInput(DocumentPath, req.params, 'path');
    parseInput(NoQuery, req.query, 'query');
    await sendReadAnswer(req, res, deps.db, { id }, timeoutMs, () => documentView(deps.db, id, timeoutMs));
  });

  registry.add({
    method: 'get', path: '/documents/:id/readings', tag: 'documents', summary: 'A document as read: its text, and every span a fact was drawn from with the entity it names',
    description: 'One reading per span and entity (relationships giving the same span and entity are one); `text.slice(start, end) === reading.text`. For the reading view, which colours the text by the entity\'s label.',
    params: DocumentPath, query: NoQuery,
    response: '{document: {id, docId, title, file, kind, issued, issuer, jurisdiction, size, loadedAt, text, warnings, plan, counts}, readings: [{start, end, text, relationships, entity: {id, label, name}}]}',
  });
  router.get('/documents/:id/readings', async (req, res) => {
    const { id } = parseInput(DocumentPath, req.params, 'path');
    parseInput(NoQuery, req.query, 'query');
    await sendReadAnswer(req, res, deps.db, { id }, timeoutMs, () => documentReadings(deps.db, id, timeoutMs));
  });

  registry.add({
    method: 'delete', path: '/documents/:id', tag: 'documents', summary: 'Remove a document: its facts go, facts other documents also support stay',
    params: DocumentPath, query: NoQuery, headers: WRITE_HEADERS,
    response: '{docId, removed: true, counters: {nodesCreated, nodesUpdated, nodesDeleted, relationshipsCreated, relationshipsUpdated, relationshipsDeleted}}',
  });
  router.delete('/documents/:id', canWrite, async (req, res) => {
    const { id } = parseInput(DocumentPath, req.params, 'path');
    parseInput(NoQuery, req.query, 'query');
    res.json(await removeLoadedDocument(deps.db, id));
  });
  return router;
}
