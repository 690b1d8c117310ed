/*
 * Reads the graph for export: everything, or the nodes with the listed ids and the relationships
 * between them. Formatting (JSON, GraphML, CSV) happens in the API layer from this plain {nodes, edges}.
 */
import type { GraphDb } from '../graph-db.ts';
import type { PlainNode, PlainRelationship } from '../neo4j-values.ts';
import { loadApiCypher } from './api-cypher.ts';
import { nodeKey, primaryLabel, wireProps, type ApiGraph } from './graph-elements.ts';

// Exports are for other tools (Gephi, spreadsheets), so they keep the stored properties, evidence lists
// included; only the search helpers are noise there, and a document's text has its own endpoint.
const NOT_EXPORTED = new Set(['aliasText', 'pinyin', 'initials']);

export async function exportGraph(db: GraphDb, ids: string[] | undefined, maxElements: number, timeoutMs: number): Promise<ApiGraph & { truncated: boolean }> {
  const params = { ids: ids ?? null, limit: maxElements + 1 };
  const nodeRows = await db.read<{ n: PlainNode }>(loadApiCypher('export-nodes'), params, { timeoutMs });
  const edgeRows = await db.read<{ r: PlainRelationship; source: string; target: string }>(loadApiCypher('export-edges'), params, { timeoutMs });
  const truncated = nodeRows.length > maxElements || edgeRows.length > maxElements;
  const nodes = nodeRows.slice(0, maxElements).map(({ n }) => {
    const isDocument = n.labels.includes('Document');
    const properties = wireProps(n.properties, (k) => !NOT_EXPORTED.has(k) && !(k === 'text' && isDocument));
    const aliases = n.properties.aliases;
    return {
      id: nodeKey(n), label: primaryLabel(n.labels), labels: [...n.labels], name: typeof n.properties.name === 'string' ? n.properties.name : nodeKey(n),
      aliases: Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === 'string') : [], properties,
    };
  });
  const edges = edgeRows.slice(0, maxElements).map(({ r, source, target }) => ({ id: r.elementId, type: r.type, source, target, properties: wireProps(r.properties) }));
  return { nodes, edges, truncated };
}
