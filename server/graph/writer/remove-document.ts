/*
 * --remove: takes a document and every fact only it supported out of the graph, in one transaction.
 * Facts another document also supports stay, minus this document's evidence. Same lock order as a
 * replacement in write-documents.ts (Document node, then the nodes it STATES, sorted), so it runs
 * safely beside loaders.
 */
import type { GraphDb } from '../graph-db.ts';
import { documentNodeId } from '../../extract/graph-facts.ts';
import { addResult, zeroCounters, type WriteCounters } from './counters.ts';
import { setPageKeys } from './page-key.ts';
import { run } from './run-cypher.ts';
import { deleteUnsupported, stripOldVersions } from './reset-support.ts';

export interface RemoveResult {
  docId: string;
  /** false when no such document was loaded (nothing changed). */
  removed: boolean;
  counters: WriteCounters;
}

/** `document` is the bare document id (file base name without extension). */
export async function removeDocument(db: GraphDb, docId: string): Promise<RemoveResult> {
  const docNodeId = documentNodeId(docId);
  return db.statements(async (tx) => {
    const c = zeroCounters();
    const lock = await run(tx, 'writer/lock-documents', { docNodeIds: [docNodeId] });
    const stored = lock.rows[0];
    // The lock MERGE creates the node when it is missing; rolling back by throwing would hide the
    // answer, so delete it again and report "not loaded" instead.
    if (!stored || stored.sha256 === null) {
      await run(tx, 'writer/delete-document-node', { docNodeId });
      return { docId, removed: false, counters: c };
    }
    const { oldIds, relIds, unsupported } = await stripOldVersions(tx, [{ docId, docNodeId }], c);
    await deleteUnsupported(tx, relIds, [...unsupported], c);
    // A task the document named keeps its page key in step with what the remaining documents say.
    await setPageKeys(tx, oldIds);
    addResult(c, await run(tx, 'writer/delete-document-node', { docNodeId }));
    c.nodesUpdated = Math.max(0, oldIds.length - c.nodesDeleted + 1);
    c.relationshipsUpdated = Math.max(0, relIds.length - c.relationshipsDeleted);
    return { docId, removed: true, counters: c };
  });
}
