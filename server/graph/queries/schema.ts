/*
 * What the graph holds, for legends, filters and the console's autocompletion (/api/schema), and the
 * headline figures with agencies ranked by tasks led and supported (/api/stats).
 */
import type { GraphDb } from '../graph-db.ts';
import { loadApiCypher } from './api-cypher.ts';

export interface SchemaSummary {
  labels: { label: string; count: number }[];
  relationshipTypes: { type: string; count: number }[];
  propertyKeys: string[];
  patterns: { from: string | null; type: string; to: string | null; count: number }[];
}

export interface AgencyRank { id: string; name: string; group: boolean; tasks: number; led: number; supported: number; viaGroup: number }

export interface GraphStats {
  nodes: number; relationships: number; documents: number; tasks: number; agencies: AgencyRank[];
}

export async function graphSchema(db: GraphDb, timeoutMs: number): Promise<SchemaSummary> {
  const [row] = await db.read<SchemaSummary & Record<string, unknown>>(loadApiCypher('schema'), {}, { timeoutMs });
  return {
    labels: row?.labels ?? [],
    relationshipTypes: row?.relationshipTypes ?? [],
    propertyKeys: row?.propertyKeys ?? [],
    patterns: row?.patterns ?? [],
  };
}

export async function graphStats(db: GraphDb, limit: number, timeoutMs: number): Promise<GraphStats> {
  const [row] = await db.read<GraphStats & Record<string, unknown>>(loadApiCypher('stats'), { limit }, { timeoutMs });
  return {
    nodes: row?.nodes ?? 0, relationships: row?.relationships ?? 0, documents: row?.documents ?? 0, tasks: row?.tasks ?? 0,
    agencies: row?.agencies ?? [],
  };
}
