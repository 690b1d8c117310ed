/*
 * GET /api/export: the whole graph or a list of ids as JSON ({nodes, edges}), GraphML (Gephi, yEd) or CSV
 * (nodes and edges sections in one text/csv, or part=nodes|edges). See docs/api.md for the choices.
 */
import { Router } from 'express';
import { z } from 'zod';
import { exportGraph } from '../../graph/queries/export.ts';
import type { AppDeps } from '../app-deps.ts';
import { toCsv } from '../formats/csv.ts';
import { toGraphml } from '../formats/graphml.ts';
import type { ApiRegistry } from '../openapi.ts';
import { parseInput } from '../validate.ts';

const MAX_ELEMENTS = 200_000;

export const ExportQuery = z.strictObject({
  format: z.enum(['json', 'graphml', 'csv'], { error: "must be 'json', 'graphml' or 'csv'" }).default('json').describe('Output format'),
  ids: z.string().max(100_000).transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .refine((xs) => xs.length > 0 && xs.length <= 10_000, 'must list between 1 and 10000 ids, comma-separated').optional()
    .describe('Only these node ids (and relationships among them), comma-separated; default: the whole graph'),
  part: z.enum(['nodes', 'edges', 'both'], { error: "must be 'nodes', 'edges' or 'both'" }).default('both').describe('CSV only: which section(s)'),
});

export function exportRoutes(deps: AppDeps, registry: ApiRegistry): Router {
  const router = Router();
  registry.add({
    method: 'get', path: '/export', tag: 'export', summary: 'Export the graph or a selection as JSON, GraphML or CSV', query: ExportQuery,
    response: 'JSON {nodes, edges, truncated}; GraphML; or CSV (nodes section, blank line, edges section)',
    produces: ['application/json', 'application/graphml+xml', 'text/csv'],
  });
  router.get('/export', async (req, res) => {
    const q = parseInput(ExportQuery, req.query, 'query');
    const graph = await exportGraph(deps.db, q.ids, MAX_ELEMENTS, Math.max(deps.config.cypher.timeoutMs, 60_000));
    if (graph.truncated) res.setHeader('X-Export-Truncated', 'true');
    if (q.format === 'graphml') {
      res.attachment('policy-graph.graphml').type('application/graphml+xml; charset=utf-8').send(toGraphml(graph));
    } else if (q.format === 'csv') {
      res.attachment(q.part === 'both' ? 'policy-graph.csv' : `policy-graph-${q.part}.csv`).type('text/csv; charset=utf-8').send(toCsv(graph, q.part));
    } else {
      res.json(graph);
    }
  });
  return router;
}
