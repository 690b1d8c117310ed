/*
 * Reads the graph for export: everything, or the nodes with the listed ids and the relationships
 * between them. Formatting (JSON, GraphML, CSV) happens in the API layer from this plain {nodes, edges}.
 */
import type { GraphDb } from '../graph-db.ts';
import type { PlainNode, PlainRelationship } from '../neo4j-values.ts';
import { loadApiCypher } from './api-cypher.ts';
import { toApiEdge, toApiNode, type ApiGraph } from './graph-elements.ts';

export async function exportGraph(db: GraphDb, ids: string[] | undefined, maxElements: number, timeoutMs: number): Promise<ApiGraph & { truncated: boolean }> {
  const params = { ids: ids ?? null, limit: maxElements + 1 };
  const nodeRows = await db.read<{ n: PlainNode }>(loadApiCypher('export-nodes'), params, { timeoutMs });
  const edgeRows = await db.read<{ r: PlainRelationship; source: string; target: string }>(loadApiCypher('export-edges'), params, { timeoutMs });
  const truncated = nodeRows.length > maxElements || edgeRows.length > maxElements;
  const nodes = nodeRows.slice(0, maxElements).map(({ n }) => {
    const node = toApiNode(n, true);
    // Exports are for other tools; the search helpers are noise there, the text of a document is not.
    delete node.properties.aliasText;
    delete node.properties.pinyin;
    delete node.properties.initials;
    return node;
  });
  const edges = edgeRows.slice(0, maxElements).map(({ r, source, target }) => toApiEdge(r, (e) => (e === r.startElementId ? source : target)));
  return { nodes, edges, truncated };
}
