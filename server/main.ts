/*
 * `npm start`: parse the configuration, start or connect to Neo4j, load new or changed seed documents,
 * serve the API and the client, print the URL. Ctrl-C (or SIGTERM) stops everything, Neo4j included.
 */
import { ConfigError, loadConfig } from './config.ts';
import { EmbeddedSetupError } from './neo4j/embedded-jars.ts';
import { start, type RunningServer } from './server.ts';
import { loadSeedsOnStart } from './startup-seeds.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const started = Date.now();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      log(err.message);
      process.exit(2);
    }
    throw err;
  }
  log(config.neo4j.mode === 'embedded' ? `Starting the embedded Neo4j (data in ${config.dataDir})…` : `Connecting to Neo4j at ${config.neo4j.uri}…`);
  let running: RunningServer | undefined;
  const shutdown = async (signal: string) => {
    log(`\n${signal}: stopping…`);
    try {
      await running?.stop();
    } finally {
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  running = await start(config, {
    log,
    buildClient: true,
    beforeListen: config.loadSeedsOnStart ? (db) => loadSeedsOnStart(db, config.seedsDir, log) : undefined,
  });
  const neo = running.connection.embedded ? `embedded Neo4j ${running.connection.embedded.version} on ${running.connection.uri}, supervised` : `Neo4j at ${running.connection.uri}`;
  log(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${neo}).`);
  console.log(`Policy graph explorer: ${running.url}/`);
}

main().catch((err: unknown) => {
  if (err instanceof EmbeddedSetupError || err instanceof ConfigError) log(err.message);
  else if (err instanceof Error && /ECONNREFUSED|Failed to connect|ServiceUnavailable/.test(err.message)) log(`Cannot reach Neo4j: ${err.message.split('\n')[0]}`);
  else if (err instanceof Error && /EADDRINUSE/.test(err.message)) log(`The HTTP port is in use: ${err.message}. Set PORT to another port.`);
  else log(err instanceof Error ? err.stack ?? err.message : String(err));
  process.exit(1);
});
