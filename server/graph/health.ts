/*
 * What /api/health reports about the database: version, edition and size. Kept cheap (count store
 * look-ups only) because monitors poll it.
 */
import { loadCypher } from './cypher-files.ts';
import type { GraphDb } from './graph-db.ts';

export interface GraphHealth {
  version: string;
  edition: string;
  nodes: number;
  relationships: number;
}

export async function graphHealth(db: GraphDb): Promise<GraphHealth> {
  const [component] = await db.read<{ version: string; edition: string }>(
    loadCypher('health/version').text,
    {},
    { timeoutMs: 3000 },
  );
  const [counts] = await db.read<{ nodes: number; relationships: number }>(
    loadCypher('health/counts').text,
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
