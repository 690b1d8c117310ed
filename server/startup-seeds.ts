/*
 * On start, load the seed folder: everything on a fresh database, then only new or changed files
 * (the loader skips documents whose content hash is unchanged). A failing seed is logged, not fatal:
 * the explorer still starts with what did load.
 */
import fs from 'node:fs';
import type { GraphDb } from './graph/graph-db.ts';
import { loadPaths } from './load/load-paths.ts';
import { formatSummary } from './load/summary.ts';

export async function loadSeedsOnStart(db: GraphDb, seedsDir: string, log: (line: string) => void): Promise<void> {
  if (!fs.existsSync(seedsDir)) {
    log(`No seed folder at ${seedsDir}; nothing loaded on start.`);
    return;
  }
  const summary = await loadPaths(db, [seedsDir]);
  const d = summary.documents;
  if (d.loaded + d.replaced + d.failed + d['not-loaded'] === 0) {
    log(`Seeds: ${d.unchanged} documents unchanged.`);
    return;
  }
  log(`Loading seeds from ${seedsDir}:`);
  for (const line of formatSummary(summary)) log(`  ${line}`);
}
