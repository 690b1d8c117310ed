/*
 * The configuration of an app that runs its own supervised embedded Neo4j in `dataDir` (a small heap, a
 * free Bolt port, no seeds), for tests that kill or starve that Neo4j without disturbing the shared one.
 */
import { loadConfig, type Config } from '../../server/config.ts';

export function supervisedAppConfig(dataDir: string): Config {
  return loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    NEO4J_EMBEDDED_BOLT_PORT: '0',
    NEO4J_EMBEDDED_HEAP: '512m',
    NEO4J_EMBEDDED_PAGECACHE: '64m',
    LOAD_SEEDS_ON_START: 'false',
    // A fresh JVM plans from scratch; warming (tested in warm-plans.test.ts) would only lengthen these starts.
    WARM_PLANS_ON_START: 'false',
  });
}
