/*
 * The loader against a database that goes away mid-load. Uses its own embedded Neo4j (temp data folder,
 * fixed free port) so stopping it leaves the shared test database alone, and restarts it on the same
 * port and folder to show that a rerun continues where the stopped run left off.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver, GraphDb } from '../../server/graph/graph-db.ts';
import { applySchema } from '../../server/graph/schema.ts';
import { loadPaths } from '../../server/load/load-paths.ts';
import type { Progress } from '../../server/load/progress.ts';
import { formatSummary, type DocumentOutcome, type LoadSummary } from '../../server/load/summary.ts';
import { freePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/neo4j/embedded-neo4j.ts';
import { onePlanExtract as extract } from '../fixtures/facts/one-plan.ts';

const IDS = ['doc1', 'doc2', 'doc3', 'doc4', 'doc5', 'doc6'];
let neo: EmbeddedNeo4j | undefined;
let dataDir: string;
let corpus: string;
let port: number;

const startNeo = () => startEmbeddedNeo4j({ dataDir, boltPort: port, heap: '512m', pageCache: '64m', log: () => {} });

/** Every progress line the loader writes, as a terminal user would see them. */
function recordingProgress(lines: string[]): Progress {
  return { start: () => {}, document: (o: DocumentOutcome) => lines.push(`${o.status} ${o.file}${o.reason ? `: ${o.reason}` : ''}`), finish: () => {} };
}

const idsWith = (s: LoadSummary, status: DocumentOutcome['status']) => s.outcomes.filter((o) => o.status === status).map((o) => o.docId).sort();

async function withDb<T>(work: (db: GraphDb) => Promise<T>): Promise<T> {
  const driver = createDriver(neo!.uri, neo!.user, neo!.password);
  try {
    return await work(new GraphDb(driver, undefined));
  } finally {
    await driver.close();
  }
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-graph-loader-stop-'));
  corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-graph-loader-stop-docs-'));
  for (const id of IDS) fs.writeFileSync(path.join(corpus, `${id}.txt`), `${id} 建设城市大脑`);
  port = await freePort();
  neo = await startNeo();
  await withDb(applySchema);
}, 240_000);

afterAll(async () => {
  await neo?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(corpus, { recursive: true, force: true });
}, 60_000);

describe('the loader when the database stops', () => {
  it('stops at the first database failure, says why once, lists what was and was not loaded, and a rerun continues', async () => {
    const lines: string[] = [];
    let stoppedAt = 0;
    const summary = await withDb((db) => loadPaths(db, [corpus], {
      extract, batchSize: 2, concurrency: 1, progress: recordingProgress(lines),
      // The database goes away right after the first transaction commits.
      afterWrite: async () => {
        if (stoppedAt) return;
        await neo!.stop();
        stoppedAt = performance.now();
      },
    }));
    const afterStop = (performance.now() - stoppedAt) / 1000;

    expect(summary.stopped).toMatch(/^Neo4j is unavailable \(/);
    expect(idsWith(summary, 'loaded')).toEqual(['doc1', 'doc2']);
    expect(idsWith(summary, 'not-loaded')).toEqual(['doc3', 'doc4', 'doc5', 'doc6']);
    expect(summary.documents.failed).toBe(0);
    // One transaction's worth of driver retries, not one per remaining document.
    expect(afterStop).toBeLessThan(15);
    // Progress shows what was written; the reason appears once, in the summary.
    expect(lines).toEqual([`loaded ${path.relative(process.cwd(), path.join(corpus, 'doc1.txt'))}`, `loaded ${path.relative(process.cwd(), path.join(corpus, 'doc2.txt'))}`]);
    const text = formatSummary(summary).join('\n');
    expect(text.split(summary.stopped!).length - 1).toBe(1);
    expect(text).toMatch(/Not loaded \(4\): .*doc3\.txt, .*doc4\.txt, .*doc5\.txt, .*doc6\.txt\./);
    expect(text).toContain('Run the same command again');

    // Started against a database that is already down: stops before reading a file, everything not loaded.
    const t0 = performance.now();
    const down = await withDb((db) => loadPaths(db, [corpus], { extract }));
    expect((performance.now() - t0) / 1000).toBeLessThan(15);
    expect(down.stopped).toMatch(/^Neo4j is unavailable/);
    expect(idsWith(down, 'not-loaded')).toEqual(IDS);

    neo = await startNeo();
    const rerun = await withDb((db) => loadPaths(db, [corpus], { extract, batchSize: 2, concurrency: 1 }));
    expect(rerun.stopped).toBeUndefined();
    expect(idsWith(rerun, 'unchanged')).toEqual(['doc1', 'doc2']);
    expect(idsWith(rerun, 'loaded')).toEqual(['doc3', 'doc4', 'doc5', 'doc6']);
    const plans = await withDb((db) => db.read<{ n: number }>('MATCH (p:Plan) RETURN count(p) AS n'));
    expect(plans[0]?.n).toBe(6);
  }, 240_000);
});
