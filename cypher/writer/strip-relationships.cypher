// title: Strip a document from its relationships
// description: Takes one document's support off every relationship it stated: one fewer in
//   `documentCount`, its spans fewer in `evidenceCount`, and its entries out of the evidence sample when
//   it was in it (evidence-sample.ts). The relationships are found from the document's side: each of
//   its STATES lists the type, other end and key of what it states from that node (write-plan.ts
//   statedOut) and its spans of each, and its own relationships (from the Document node) only it states.
//   Nothing reads another document's entries, which a hub fact has one of per document. Relationships
//   left with no document are deleted later by delete-unsupported-relationships, after the new facts had
//   a chance to re-support them; until then they are reset to their bare bookkeeping, so a fact stated
//   again starts without stale properties (merge-relationships only appends to relationships it finds).
//   Returns every relationship it touched, and those whose sample lost this document while other
//   documents outside the sample still state them: their sample is refilled (sample-candidates.cypher)
//   once the old versions' STATES are gone.
// param docNodeId: string — `document:<documentId>`
// param docId: string — the bare document id
MATCH (d:Entity {id: $docNodeId})
CALL (d) {
  MATCH (d)-[s:STATES]->(a)
  UNWIND range(0, size(s.outTypes) - 1) AS i
  MATCH (b:Entity {id: s.outEnds[i]})
  MATCH (a)-[r]->(b)
  WHERE type(r) = s.outTypes[i] AND coalesce(r.key, '') = s.outKeys[i]
  RETURN r, size([k IN range(0, size(s.outSpans) / 3 - 1) WHERE s.outSpans[3 * k] = i]) AS spans
  UNION ALL
  MATCH (d)-[r:!STATES]->()
  RETURN r, size([x IN coalesce(r.evidenceDocs, []) WHERE x = $docId]) AS spans
}
// Locked before the lists are read: a load appending to the same relationship holds no node lock.
SET r._lock = true
REMOVE r._lock
WITH r, spans, coalesce(r.documents, []) AS stored, coalesce(r.evidenceDocs, []) AS ed
WITH r, spans, stored, ed, [i IN range(0, size(ed) - 1) WHERE ed[i] <> $docId] AS keep
SET r.documentCount = coalesce(r.documentCount, size(stored)) - 1,
    r.evidenceCount = coalesce(r.evidenceCount, size(ed)) - spans,
    r.documents = [x IN stored WHERE x <> $docId],
    r.evidenceDocs = [i IN keep | ed[i]],
    r.evidenceStarts = [i IN keep | r.evidenceStarts[i]],
    r.evidenceEnds = [i IN keep | r.evidenceEnds[i]],
    r.evidenceTexts = [i IN keep | r.evidenceTexts[i]]
WITH r, $docId IN stored AS sampled
FOREACH (_ IN CASE WHEN r.documentCount <= 0 THEN [1] ELSE [] END |
  SET r = {key: r.key, documents: [], evidenceDocs: [], evidenceStarts: [], evidenceEnds: [], evidenceTexts: [], evidenceCount: 0, documentCount: 0})
RETURN collect(elementId(r)) AS stripped,
       collect(CASE WHEN sampled AND r.documentCount > size(r.documents) THEN elementId(r) END) AS refill
