/*
 * On start, load the seed folder: everything on a fresh database, then only new or changed files
 * (the loader skips documents whose content hash is unchanged).
 */
import type { GraphDb } from './graph/graph-db.ts';

export async function loadSeedsOnStart(_db: GraphDb, _seedsDir: string, _log: (line: string) => void): Promise<void> {
  // Wired to the loader once it exists (issue 4).
}
