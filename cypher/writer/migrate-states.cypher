// title: Move node support from Document lists to STATES relationships, and index a document's facts
// description: The one migration from the previous shapes (docs/graph-storage.md). A database whose
//   STATES lack `outSpans` (written before a document's facts and spans were indexed on them) first gets the
//   (:LoaderGate) node that the shape before STATES always had: it marks a migration not finished, so one
//   cut short is resumed at the next start. Then each Document's `nodeIds` become STATES relationships to
//   those nodes, carrying the aliases its `aliasPairs` ("<nodeId>\u001f<alias>") printed for each, and
//   both lists go (each Document in the inner transaction that removes its lists). Then every fact
//   relationship gets `evidenceCount`, and every STATES the type, other end and key of each relationship its
//   document states from that node (`outTypes`, `outEnds`, `outKeys`, sorted by type, end and key as the
//   writer sorts them; empty when there is none) and that document's spans of them (`outSpans`: entry,
//   start, end), node by node: one node's outgoing relationships grouped by document
//   are exactly the lists of the STATES into it, and a node already done is passed over on a resume.
//   Then every fact relationship without `documentCount` gets it and keeps only its evidence sample, the
//   $sample lowest document ids' spans (evidence-sample.ts); the STATES, done just before, hold every
//   document's. The gate goes last, with its constraint. Run by schema.ts in
//   auto-commit transactions; statements are separated by semicolons at line ends.
// param sample: integer — SAMPLE_DOCUMENTS
MERGE (:LoaderGate {name: 'support'});
MATCH (d:Document)
WHERE d.nodeIds IS NOT NULL OR d.aliasPairs IS NOT NULL
CALL (d) {
  CALL (d) {
    UNWIND coalesce(d.nodeIds, []) AS nodeId
    MATCH (n:Entity {id: nodeId})
    CREATE (d)-[:STATES {aliases: [p IN coalesce(d.aliasPairs, []) WHERE p STARTS WITH nodeId + '\u001f' | substring(p, size(nodeId) + 1)]}]->(n)
  }
  REMOVE d.nodeIds, d.aliasPairs
} IN TRANSACTIONS OF 50 ROWS;
MATCH ()-[r:!STATES]->()
WHERE r.evidenceCount IS NULL
CALL (r) {
  SET r.evidenceCount = size(coalesce(r.evidenceDocs, []))
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (a:Entity)
WHERE EXISTS { (a)<-[s:STATES]-() WHERE s.outSpans IS NULL }
CALL (a) {
  MATCH (a)-[r:!STATES]->(b)
  // One pass over each relationship's lists, grouped by document within the relationship: a row per
  // supporting document and one per evidence entry. (Looking up each document's entries in the evidence
  // list instead is quadratic: a hub fact of the 20,000-document graph has ~18,000 of each; sorting all
  // of a node's entries together instead ran out of transaction memory on its hubs.)
  CALL (r) {
    CALL (r) {
      UNWIND coalesce(r.documents, []) AS docId
      RETURN docId, null AS start, null AS stop
      UNION ALL
      UNWIND range(0, size(coalesce(r.evidenceDocs, [])) - 1) AS k
      RETURN r.evidenceDocs[k] AS docId, r.evidenceStarts[k] AS start, r.evidenceEnds[k] AS stop
    }
    WITH docId, start, stop
    ORDER BY docId, start, stop
    // This document's spans of the relationship, by start then end, as the writer orders them (collect
    // leaves out the support rows' nulls).
    RETURN docId, collect(CASE WHEN start IS NULL THEN null ELSE [start, stop] END) AS spans
  }
  WITH docId, type(r) AS type, b.id AS end, coalesce(r.key, '') AS key, spans
  ORDER BY docId, type, end, key
  WITH docId, collect(type) AS types, collect(end) AS ends, collect(key) AS keys, collect(spans) AS spanLists
  WITH docId, types, ends, keys,
       reduce(flat = [], i IN range(0, size(spanLists) - 1) | flat + reduce(f = [], p IN spanLists[i] | f + [i, p[0], p[1]])) AS spans
  MATCH (d:Entity {id: 'document:' + docId})
  // Both ends bound, so the STATES is found from the Document's side (its ~150 STATES), not by
  // reading all of a hub's (one per document) for each document.
  CALL (d, a, types, ends, keys, spans) {
    MATCH (d)-[s:STATES]->(a)
    SET s.outTypes = types, s.outEnds = ends, s.outKeys = keys, s.outSpans = spans
  }
} IN TRANSACTIONS OF 10 ROWS;
MATCH ()-[s:STATES]->()
WHERE s.outSpans IS NULL
CALL (s) {
  SET s.outTypes = [], s.outEnds = [], s.outKeys = [], s.outSpans = []
} IN TRANSACTIONS OF 10000 ROWS;
MATCH ()-[r:!STATES]->()
WHERE r.documentCount IS NULL
CALL (r) {
  WITH r, coalesce(r.documents, []) AS docs, coalesce(r.evidenceDocs, []) AS ed
  CALL (docs) {
    UNWIND docs AS x
    WITH x ORDER BY x
    RETURN collect(x)[0..$sample] AS keep
  }
  WITH r, docs, ed, keep, reduce(acc = [], d IN keep | acc + [i IN range(0, size(ed) - 1) WHERE ed[i] = d]) AS idx
  SET r.documentCount = size(docs),
      r.documents = keep,
      r.evidenceDocs = [i IN idx | ed[i]],
      r.evidenceStarts = [i IN idx | r.evidenceStarts[i]],
      r.evidenceEnds = [i IN idx | r.evidenceEnds[i]],
      r.evidenceTexts = [i IN idx | r.evidenceTexts[i]]
} IN TRANSACTIONS OF 1000 ROWS;
MATCH (g:LoaderGate) DELETE g;
DROP CONSTRAINT loader_gate_name IF EXISTS;
