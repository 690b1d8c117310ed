// title: Merge a document's relationships of one type
// description: A template: __TYPE__ is replaced by relationship-cypher.ts with a name from
//   RELATIONSHIP_TYPES, and nothing else (a dynamic type in MERGE is ~40x slower in Neo4j 5.26 because the
//   planner cannot expand by type; one statement with a CALL block per type measured slower than one
//   statement per type). MERGE is on (from, type, to, key); both ends are already locked, so concurrent
//   loaders cannot create duplicates. A relationship no other document supports is reset first; evidence
//   is appended as parallel lists.
// param rows: list of {type, from, to, key, props, evidenceStarts, evidenceEnds, evidenceTexts}
// param docId: string — the bare document id
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:__TYPE__ {key: row.key}]->(b)
WITH r, row, size(coalesce(r.documents, [])) = 0 AS fresh
FOREACH (_ IN CASE WHEN fresh THEN [1] ELSE [] END |
  SET r = {key: row.key, documents: [], evidenceDocs: [], evidenceStarts: [], evidenceEnds: [], evidenceTexts: []})
// As in merge-nodes: on disagreement the lowest document id wins, whatever the load order.
WITH r, row, all(d IN r.documents WHERE $docId <= d) AS owns
FOREACH (k IN keys(row.props) | SET r[k] = CASE WHEN owns OR r[k] IS NULL THEN row.props[k] ELSE r[k] END)
SET r.documents = CASE WHEN $docId IN r.documents THEN r.documents ELSE r.documents + $docId END,
    r.evidenceDocs = r.evidenceDocs + [x IN row.evidenceStarts | $docId],
    r.evidenceStarts = r.evidenceStarts + row.evidenceStarts,
    r.evidenceEnds = r.evidenceEnds + row.evidenceEnds,
    r.evidenceTexts = r.evidenceTexts + row.evidenceTexts
RETURN count(*) AS merged
