/*
 * One way to get a Neo4j driver, whatever the deployment: the embedded Neo4j the product starts (and
 * supervises) by itself, or any Bolt URI (server, cluster, Aura via neo4j:// or neo4j+s://). Everything
 * above this module only sees a driver, a database name and, for the embedded one, its status. The driver
 * itself is made by graph-db.ts, the one module besides the value, parameter and error converters that
 * imports neo4j-driver.
 */
import type { Config } from '../config.ts';
import { createDriver, type Driver } from '../graph/graph-db.ts';
import { EmbeddedSupervisor } from './supervisor.ts';

export interface Neo4jConnection {
  driver: Driver;
  /** undefined = the server's default database */
  database: string | undefined;
  mode: 'embedded' | 'external';
  uri: string;
  /** The supervised embedded Neo4j; undefined for an external one. */
  embedded: EmbeddedSupervisor | undefined;
  close(): Promise<void>;
}

export async function openNeo4j(config: Config, log?: (line: string) => void): Promise<Neo4jConnection> {
  if (config.neo4j.mode === 'external') {
    const { uri, user, password, database } = config.neo4j;
    const driver = createDriver(uri, user, password);
    await driver.verifyConnectivity(database ? { database } : {});
    return { driver, database, mode: 'external', uri, embedded: undefined, close: () => driver.close() };
  }
  const embedded = await EmbeddedSupervisor.start({
    dataDir: config.dataDir,
    boltPort: config.neo4j.boltPort,
    heap: config.neo4j.heap,
    pageCache: config.neo4j.pageCache,
    password: config.neo4j.password,
    log,
  });
  const driver = createDriver(embedded.uri, 'neo4j', embedded.password);
  try {
    await driver.verifyConnectivity();
  } catch (err) {
    await embedded.stop();
    throw err;
  }
  return {
    driver,
    database: config.neo4j.database,
    mode: 'embedded',
    uri: embedded.uri,
    embedded,
    close: async () => {
      await driver.close();
      await embedded.stop();
    },
  };
}
