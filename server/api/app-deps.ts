/*
 * What the HTTP layer is given: a graph handle and a few facts about the deployment. Injected so tests
 * build the real app against the real (test) Neo4j without starting a listener of their own.
 */
import type { Config } from '../config.ts';
import type { GraphDb } from '../graph/graph-db.ts';
import type { EmbeddedHealth } from '../neo4j/supervisor.ts';

export interface AppDeps {
  db: GraphDb;
  config: Config;
  version: string;
  neo4jMode: 'embedded' | 'external';
  neo4jUri: string;
  /** Folder of the built client; served when present. */
  clientDir?: string | undefined;
  log?: (line: string) => void;
  /** The supervised embedded Neo4j's state and disk, for /api/health; absent for an external Neo4j. */
  embeddedHealth?: () => Promise<EmbeddedHealth>;
  /** Called when a query's thread will not stop after its timeout; the embedded Neo4j is restarted. */
  onRunawayQuery?: (reason: string) => void;
}
