/*
 * Runs a named cypher/*.cypher file inside a writer transaction, so the writer's statements are looked up
 * by name like every other query and never assembled in TypeScript.
 */
import type { ManagedTransaction, QueryResult } from 'neo4j-driver';
import { loadCypher } from '../cypher-files.ts';

export async function run(tx: ManagedTransaction, name: string, params: Record<string, unknown>): Promise<QueryResult> {
  return tx.run(loadCypher(name).text, params);
}
