/*
 * Collects every node, relationship and path found anywhere in result rows (inside lists and maps too),
 * so the console and curated queries can draw a graph from whatever a query returns, next to its table.
 * Relationships whose endpoints were not returned are reported, so the caller can fetch those nodes.
 */
import { isPlainNode, isPlainPath, isPlainRelationship, type PlainNode, type PlainRelationship } from '../neo4j-values.ts';

export interface CollectedElements {
  nodes: Map<string, PlainNode>;
  relationships: Map<string, PlainRelationship>;
}

export function collectElements(rows: readonly Record<string, unknown>[], maxDepth = 6): CollectedElements {
  const nodes = new Map<string, PlainNode>();
  const relationships = new Map<string, PlainRelationship>();
  const visit = (value: unknown, depth: number): void => {
    if (value === null || typeof value !== 'object' || depth > maxDepth) return;
    if (isPlainNode(value)) {
      nodes.set(value.elementId, value);
    } else if (isPlainRelationship(value)) {
      relationships.set(value.elementId, value);
    } else if (isPlainPath(value)) {
      for (const n of value.nodes) nodes.set(n.elementId, n);
      for (const r of value.relationships) relationships.set(r.elementId, r);
    } else if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
    } else {
      for (const v of Object.values(value)) visit(v, depth + 1);
    }
  };
  for (const row of rows) visit(row, 0);
  return { nodes, relationships };
}

/** Element ids of relationship endpoints that are not among the collected nodes. */
export function missingEndpoints(found: CollectedElements): string[] {
  const missing = new Set<string>();
  for (const r of found.relationships.values()) {
    if (!found.nodes.has(r.startElementId)) missing.add(r.startElementId);
    if (!found.nodes.has(r.endElementId)) missing.add(r.endElementId);
  }
  return [...missing];
}
