// title: Strip a document from its relationships
// description: Removes the document from `documents` and its spans from the evidence lists of every
//   relationship it supported (all start at a node in $ids), and sets `evidenceCount` to what is left. Relationships left with no document are
//   deleted later by delete-unsupported-relationships, after the new facts had a chance to re-support them;
//   until then they are reset to their bare bookkeeping, so a fact stated again starts without stale
//   properties (merge-relationships only appends to relationships it finds).
// param ids: string[] — the nodes the document touched, its Document node included
// param docId: string — the bare document id
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r]->()
WHERE $docId IN r.documents
// Locked before the lists are read: a load appending to the same relationship holds no node lock.
SET r._lock = true
REMOVE r._lock
WITH r, [i IN range(0, size(coalesce(r.evidenceDocs, [])) - 1) WHERE r.evidenceDocs[i] <> $docId] AS keep
SET r.documents = [x IN r.documents WHERE x <> $docId],
    r.evidenceDocs = [i IN keep | r.evidenceDocs[i]],
    r.evidenceStarts = [i IN keep | r.evidenceStarts[i]],
    r.evidenceEnds = [i IN keep | r.evidenceEnds[i]],
    r.evidenceTexts = [i IN keep | r.evidenceTexts[i]],
    r.evidenceCount = size(keep)
WITH r
FOREACH (_ IN CASE WHEN size(r.documents) = 0 THEN [1] ELSE [] END |
  SET r = {key: r.key, documents: [], evidenceDocs: [], evidenceStarts: [], evidenceEnds: [], evidenceTexts: [], evidenceCount: 0})
RETURN collect(elementId(r)) AS stripped
