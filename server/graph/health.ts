/*
 * What /api/health reports about the database: version, edition and size. Kept cheap (count store
 * look-ups only) because monitors poll it.
 */
import type { GraphDb } from './graph-db.ts';

export interface GraphHealth {
  version: string;
  edition: string;
  nodes: number;
  relationships: number;
}

export async function graphHealth(db: GraphDb): Promise<GraphHealth> {
  const [component] = await db.read<{ version: string; edition: string }>(
    "CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' RETURN versions[0] AS version, edition",
    {},
    { timeoutMs: 3000 },
  );
  const [counts] = await db.read<{ nodes: number; relationships: number }>(
    'CALL { MATCH (n:Entity) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    {},
    { timeoutMs: 3000 },
  );
  return {
    version: component?.version ?? 'unknown',
    edition: component?.edition ?? 'unknown',
    nodes: counts?.nodes ?? 0,
    relationships: counts?.relationships ?? 0,
  };
}
