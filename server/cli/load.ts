/*
 * `npm run load -- <files or folders> [--reset] [--dry-run] [--remove <document>] [--batch N] [--concurrency N] [--force] [--max-size 20m]`
 * Same configuration as `npm start` (embedded Neo4j in DATA_DIR, or NEO4J_URI). Exit code 0 when
 * everything loaded, 1 when a document failed, 2 for bad usage or configuration, 3 when the database
 * failed and the load stopped (rerun to continue).
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, parseByteSize } from '../config.ts';
import { GraphDb } from '../graph/graph-db.ts';
import { applySchema } from '../graph/schema.ts';
import { openNeo4j } from '../neo4j/connect.ts';
import { EmbeddedSetupError } from '../neo4j/embedded-jars.ts';
import { DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY, loadPaths } from '../load/load-paths.ts';
import { createProgress } from '../load/progress.ts';
import { formatSummary } from '../load/summary.ts';
import { isEntryPoint, processIo, type CliIo } from './cli-entry.ts';

const USAGE = `Usage: npm run load -- <files or folders>... [options]

  --reset               delete the whole graph before loading
  --dry-run             extract and validate only; write nothing
  --remove <document>   take a document (id or file name) and the facts only it supported out; repeatable
  --batch <n>           documents per write transaction (default 50; 1 = a transaction per document)
  --concurrency <n>     write transactions in flight at once (default 2)
  --force               rewrite documents even when their content is unchanged
  --max-size <size>     refuse files larger than this, e.g. 50m (default MAX_DOCUMENT_SIZE, 20m)
  -h, --help            this text`;

/** Runs the command; returns the exit code. Tests call it in-process with captured output. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const log = (line: string) => void io.err.write(`${line}\n`);
  try {
    return await load(argv, log, io);
  } catch (err) {
    log(err instanceof Error ? err.message : String(err));
    return err instanceof ConfigError || err instanceof EmbeddedSetupError ? 2 : 1;
  }
}

async function load(argv: readonly string[], log: (line: string) => void, io: CliIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        reset: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, remove: { type: 'string', multiple: true },
        batch: { type: 'string' }, concurrency: { type: 'string' }, force: { type: 'boolean' }, 'max-size': { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    log(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    log(USAGE);
    return 0;
  }
  if (positionals.length === 0 && !values.remove?.length && !values.reset) {
    log(`Nothing to do: give files or folders to load, --remove or --reset.\n\n${USAGE}`);
    return 2;
  }
  const concurrency = values.concurrency === undefined ? DEFAULT_CONCURRENCY : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    log(`--concurrency must be a whole number from 1 to 64, got ${values.concurrency}`);
    return 2;
  }
  const batchSize = values.batch === undefined ? DEFAULT_BATCH_SIZE : Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) {
    log(`--batch must be a whole number from 1 to 1000, got ${values.batch}`);
    return 2;
  }

  const config = loadConfig();
  const maxFileBytes = values['max-size'] === undefined ? config.maxDocumentBytes : parseByteSize(values['max-size']);
  if (!maxFileBytes) {
    log(`--max-size must be a size such as 512k, 20m or 1g, got ${values['max-size']}`);
    return 2;
  }
  log(config.neo4j.mode === 'embedded' ? `Starting the embedded Neo4j (data in ${config.dataDir})…` : `Connecting to Neo4j at ${config.neo4j.uri}…`);
  const connection = await openNeo4j(config, log);
  try {
    const db = new GraphDb(connection.driver, connection.database);
    await applySchema(db);
    const summary = await loadPaths(db, positionals, {
      reset: values.reset ?? false,
      dryRun: values['dry-run'] ?? false,
      remove: values.remove ?? [],
      concurrency,
      batchSize,
      force: values.force ?? false,
      maxFileBytes,
      progress: createProgress(io.err),
    });
    for (const w of summary.warnings) log(`warning: ${w}`);
    for (const line of formatSummary(summary)) log(line);
    return summary.stopped ? 3 : summary.documents.failed > 0 ? 1 : 0;
  } finally {
    await connection.close();
  }
}

// The command ends with its code once main returns, whatever handles are still open.
if (isEntryPoint(import.meta.url)) void main(process.argv.slice(2)).then((code) => process.exit(code));
