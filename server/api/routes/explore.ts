/*
 * Browsing the graph: search, one node with its evidence, its neighbourhood page by page, and shortest
 * paths. Each handler parses its input with the zod schema beside it and calls one graph service.
 */
import { Router } from 'express';
import { z } from 'zod';
import { neighbors, nodeDetails } from '../../graph/queries/nodes.ts';
import { edgeDetails, planTouches, selectionNeighbours, TOUCH_LABELS } from '../../graph/queries/explore-further.ts';
import { shortestPaths } from '../../graph/queries/paths.ts';
import { searchEntities } from '../../graph/queries/search.ts';
import type { AppDeps } from '../app-deps.ts';
import type { ApiRegistry } from '../openapi.ts';
import { parseInput } from '../validate.ts';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../extract/graph-facts.ts';
import { boolParam, entityId, intParam, labelList, typeList } from './params.ts';
import { sendReadAnswer } from './send-json-answer.ts';

export const SearchQuery = z.strictObject({
  q: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters')
    .describe('Text to find: Chinese (full-text over names and aliases) or pinyin (full, e.g. changle, or initials, e.g. clq)'),
  labels: labelList.describe('Only these labels, comma-separated (e.g. Agency,District)'),
  limit: intParam(1, 100, 20).describe('At most this many hits (1-100, default 20)'),
});
export const NodePath = z.strictObject({ id: entityId.describe('The node id, e.g. agency:长乐区政府') });
export const NodeQuery = z.strictObject({
  evidenceLimit: intParam(0, 2000, 200).describe('At most this many evidence spans (default 200)'),
  evidencePerRelationship: intParam(1, 1000, 5).describe('At most this many spans per relationship (1-1000, default 5); `spans` says how many it holds'),
});
export const NeighborsQuery = z.strictObject({
  types: typeList.describe('Only these relationship types, comma-separated'),
  direction: z.enum(['out', 'in', 'both'], { error: "must be 'out', 'in' or 'both'" }).default('both').describe('Relationship direction seen from the node'),
  labels: labelList.describe('Only neighbours with one of these labels, comma-separated'),
  limit: intParam(1, 1000, 50).describe('Page size (1-1000, default 50)'),
  offset: intParam(0, 1_000_000, 0).describe('Relationships to skip (paging)'),
});
export const PathsQuery = z.strictObject({
  from: entityId.describe('Start node id'),
  to: entityId.describe('End node id'),
  maxHops: intParam(1, 10, 4).describe('Longest path to consider (1-10, default 4)'),
  limit: intParam(1, 50, 5).describe('At most this many paths (default 5)'),
  throughDocuments: boolParam(false).describe('Allow paths that step through Document nodes (default false)'),
});

export const ExpandSelectionBody = z.strictObject({
  ids: z.array(entityId, { error: 'must be a list of node ids' }).min(1, 'must name at least one node').max(200, 'must name at most 200 nodes')
    .describe('The selected nodes'),
  types: z.array(z.enum(RELATIONSHIP_TYPES, { error: `must be relationship types: ${RELATIONSHIP_TYPES.join(', ')}` })).optional()
    .describe('Only neighbours through these relationship types'),
  labels: z.array(z.enum(['Entity', ...NODE_LABELS], { error: `must be labels: ${NODE_LABELS.join(', ')}` })).optional()
    .describe('Only neighbours with one of these labels'),
  limit: z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be at least 0').max(1000, 'must be at most 1000').default(50)
    .describe('At most this many neighbours (0 = only the counts; default 50)'),
  offset: z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be at least 0').max(1_000_000, 'must be at most 1000000').default(0)
    .describe('Neighbours to skip (paging)'),
});
export const TouchesQuery = z.strictObject({
  labels: labelList.describe(`Kinds of entity to count as touched, comma-separated (default ${TOUCH_LABELS.join(',')})`),
  limit: intParam(1, 1000, 100).describe('At most this many touched entities, most-touched first (default 100)'),
});
export const EdgePath = z.strictObject({ id: z.string().trim().min(1, 'must not be empty').max(200, 'is too long').describe("The relationship's id as graph answers give it (an element id)") });
export const EdgeQuery = z.strictObject({ evidenceLimit: intParam(0, 200, 20).describe('At most this many evidence spans (default 20)') });

export function exploreRoutes(deps: AppDeps, registry: ApiRegistry): Router {
  const router = Router();
  const timeoutMs = deps.config.cypher.timeoutMs;

  registry.add({ method: 'get', path: '/search', tag: 'explore', summary: 'Search entities by Chinese text, alias or pinyin', query: SearchQuery, response: '{results: [{id, label, labels, name, matched, matchedBy, jurisdiction, score}]}' });
  router.get('/search', async (req, res) => {
    const q = parseInput(SearchQuery, req.query, 'query');
    await sendReadAnswer(req, res, deps.db, q, timeoutMs, async () => ({ results: await searchEntities(deps.db, q.q, q.labels, q.limit, timeoutMs) }));
  });

  registry.add({ method: 'get', path: '/nodes/:id', tag: 'explore', summary: 'A node: properties, aliases, degree per type, evidence of its facts', params: NodePath, query: NodeQuery, response: '{node, degree, degreeByDirection, evidence: [{type, direction, other, document, start, end, text, sentence, spans, properties}]}' });
  router.get('/nodes/:id', async (req, res) => {
    const { id } = parseInput(NodePath, req.params, 'path');
    const q = parseInput(NodeQuery, req.query, 'query');
    await sendReadAnswer(req, res, deps.db, { id, ...q }, timeoutMs, () => nodeDetails(deps.db, id, q.evidenceLimit, q.evidencePerRelationship, timeoutMs));
  });

  registry.add({ method: 'get', path: '/nodes/:id/neighbors', tag: 'explore', summary: 'Neighbourhood subgraph of a node, one page, with totals per type', params: NodePath, query: NeighborsQuery, response: '{center, nodes, edges, totals: {TYPE: count}, total, shown, offset, limit}' });
  router.get('/nodes/:id/neighbors', async (req, res) => {
    const { id } = parseInput(NodePath, req.params, 'path');
    const q = parseInput(NeighborsQuery, req.query, 'query');
    await sendReadAnswer(req, res, deps.db, { id, ...q }, timeoutMs, () => neighbors(deps.db, id, q, timeoutMs));
  });

  registry.add({ method: 'post', path: '/expand', tag: 'explore', summary: 'Neighbours of several nodes at once, by type and label, paged, with counts per type and label', body: ExpandSelectionBody, response: '{ids, nodes, edges, total, shown, offset, limit, counts: [{type, label, count}]}' });
  router.post('/expand', async (req, res) => {
    const body = parseInput(ExpandSelectionBody, req.body ?? {}, 'body');
    res.json(await selectionNeighbours(deps.db, body, timeoutMs));
  });

  registry.add({ method: 'get', path: '/nodes/:id/touches', tag: 'explore', summary: "What a plan or document touches: its tasks' parks, platforms, companies and agencies (two hops)", params: NodePath, query: TouchesQuery, response: '{center, nodes, edges, total, shown, totals: {Label: count}}' });
  router.get('/nodes/:id/touches', async (req, res) => {
    const { id } = parseInput(NodePath, req.params, 'path');
    const q = parseInput(TouchesQuery, req.query, 'query');
    await sendReadAnswer(req, res, deps.db, { id, ...q }, timeoutMs, () => planTouches(deps.db, id, q.labels ?? TOUCH_LABELS, q.limit, timeoutMs));
  });

  registry.add({ method: 'get', path: '/edges/:id', tag: 'explore', summary: 'One relationship: type, properties, both ends and its evidence sentences with document titles', params: EdgePath, query: EdgeQuery, response: '{id, type, properties, source, target, spans, evidence: [{document, documentTitle, start, end, text, sentence}]}' });
  router.get('/edges/:id', async (req, res) => {
    const { id } = parseInput(EdgePath, req.params, 'path');
    const q = parseInput(EdgeQuery, req.query, 'query');
    await sendReadAnswer(req, res, deps.db, { id, ...q }, timeoutMs, () => edgeDetails(deps.db, id, q.evidenceLimit, timeoutMs));
  });

  registry.add({ method: 'get', path: '/paths', tag: 'explore', summary: 'Shortest paths between two entities', query: PathsQuery, response: '{from, to, paths: [{nodes, edges, length}]}' });
  router.get('/paths', async (req, res) => {
    const q = parseInput(PathsQuery, req.query, 'query');
    await sendReadAnswer(req, res, deps.db, q, timeoutMs, () => shortestPaths(deps.db, q.from, q.to, q.maxHops, q.limit, q.throughDocuments, timeoutMs));
  });
  return router;
}
