// title: Merge the relationships of one type for a transaction's documents
// description: A template: __TYPE__ is replaced by relationship-cypher.ts with a name from
//   RELATIONSHIP_TYPES, and nothing else (a dynamic type in MERGE is ~40x slower in Neo4j 5.26 because the
//   planner cannot expand by type). One row per relationship, combining every document of the transaction
//   that states it (combine-documents.ts). MERGE is on (from, type, to, key); both ends are already locked,
//   so concurrent loaders cannot create duplicates. A new relationship gets its whole property map in one
//   SET; an existing one gets the documents and evidence appended. (A relationship a replacement stripped
//   of its last document was reset to its bare bookkeeping by strip-relationships, so no stale property
//   survives.) When documents disagree on a property, the lowest document id wins for the keys it sets,
//   whatever the load order or batching: row.props holds the lowest of this transaction's, and it
//   overrides only when no stored document is lower; otherwise it only fills keys still missing.
// param rows: list of {from, to, key, props, created} — created: the whole property map of a new relationship
//   (props, key, documents sorted, evidenceDocs/Starts/Ends/Texts); the lists travel once, in it
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:__TYPE__ {key: row.key}]->(b)
ON CREATE SET r = row.created
ON MATCH SET
  r += CASE WHEN all(d IN r.documents WHERE row.created.documents[0] <= d) THEN row.props ELSE {} END,
  r.documents = r.documents + [d IN row.created.documents WHERE NOT d IN r.documents],
  r.evidenceDocs = r.evidenceDocs + row.created.evidenceDocs,
  r.evidenceStarts = r.evidenceStarts + row.created.evidenceStarts,
  r.evidenceEnds = r.evidenceEnds + row.created.evidenceEnds,
  r.evidenceTexts = r.evidenceTexts + row.created.evidenceTexts
WITH r, row
WHERE any(k IN keys(row.props) WHERE r[k] IS NULL)
FOREACH (k IN keys(row.props) | SET r[k] = coalesce(r[k], row.props[k]))
RETURN count(*) AS filled
