// title: Move node support from Document lists to STATES relationships, and index a document's facts
// description: The one migration from the previous shapes (docs/graph-storage.md). A database whose
//   STATES lack `outTypes` (written before a document's facts were indexed on them) first gets the
//   (:LoaderGate) node that the shape before STATES always had: it marks a migration not finished, so one
//   cut short is resumed at the next start. Then each Document's `nodeIds` become STATES relationships to
//   those nodes, carrying the aliases its `aliasPairs` ("<nodeId>\u001f<alias>") printed for each, and
//   both lists go (each Document in the inner transaction that removes its lists). Then every fact
//   relationship gets `evidenceCount`, and every STATES the type and other end of each relationship its
//   document states from that node (`outTypes`, `outEnds`, sorted by type and end as the writer sorts
//   them; empty when there is none), node by node: one node's outgoing relationships grouped by document
//   are exactly the lists of the STATES into it, and a node already done is passed over on a resume. The gate goes last, with its constraint. Run by schema.ts in
//   auto-commit transactions; statements are separated by semicolons at line ends.
// parameters: none
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
WHERE EXISTS { (a)<-[s:STATES]-() WHERE s.outTypes IS NULL }
CALL (a) {
  MATCH (a)-[r:!STATES]->(b)
  UNWIND coalesce(r.documents, []) AS docId
  WITH DISTINCT docId, type(r) AS type, b.id AS end
  ORDER BY docId, type, end
  WITH docId, collect(type) AS types, collect(end) AS ends
  MATCH (d:Entity {id: 'document:' + docId})
  // Both ends bound, so the STATES is found from the Document's side (its ~150 STATES), not by
  // reading all of a hub's (one per document) for each document.
  CALL (d, a, types, ends) {
    MATCH (d)-[s:STATES]->(a)
    SET s.outTypes = types, s.outEnds = ends
  }
} IN TRANSACTIONS OF 100 ROWS;
MATCH ()-[s:STATES]->()
WHERE s.outTypes IS NULL
CALL (s) {
  SET s.outTypes = [], s.outEnds = []
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (g:LoaderGate) DELETE g;
DROP CONSTRAINT loader_gate_name IF EXISTS;
