/*
 * Shortest paths between two entities, each as its own small {nodes, edges} graph so the client can
 * list them and highlight one at a time.
 */
import { AppError } from '../../errors.ts';
import type { GraphDb } from '../graph-db.ts';
import { loadApiCypher } from './api-cypher.ts';
import { buildGraph, LEAN_PARAMS, type ApiGraph, type LeanNode, type LeanRelationship } from './graph-elements.ts';

export interface PathsAnswer {
  from: string;
  to: string;
  paths: (ApiGraph & { length: number })[];
}

export async function shortestPaths(
  db: GraphDb, from: string, to: string, maxHops: number, limit: number, throughDocuments: boolean, timeoutMs: number,
): Promise<PathsAnswer> {
  const known = await db.read<{ id: string; exists: boolean }>(loadApiCypher('entity-exists'), { ids: [from, to] }, { timeoutMs });
  const unknown = known.filter((k) => !k.exists).map((k) => k.id);
  if (unknown.length > 0) throw AppError.notFound(`No entity with id '${unknown.join("', '")}'`, { ids: unknown });
  if (from === to) return { from, to, paths: [] };
  const rows = await db.read<{ nodes: LeanNode[]; rels: LeanRelationship[] }>(
    loadApiCypher('paths'), { from, to, maxHops, limit, throughDocuments, ...LEAN_PARAMS }, { timeoutMs },
  );
  return { from, to, paths: rows.map(({ nodes, rels }) => ({ ...buildGraph(nodes, rels), length: rels.length })) };
}
