// title: Merge the relationships of one type for a transaction's documents
// description: A template: __TYPE__ is replaced by relationship-cypher.ts with a name from
//   RELATIONSHIP_TYPES, and nothing else (a dynamic type in MERGE is ~40x slower in Neo4j 5.26 because the
//   planner cannot expand by type). One row per relationship, combining every document of the transaction
//   that states it (combine-documents.ts); rows are sorted by their ends, so transactions lock shared
//   relationships in one order. MERGE is on (from, type, to, key); Neo4j locks both ends before it
//   creates one, so concurrent loaders cannot create duplicates. A new relationship gets its whole
//   property map in one SET. An existing one is write-locked first and only then read, so an append
//   cannot overwrite another loader's append it raced (the lost update of Neo4j's concurrency guide);
//   then it gets the documents and evidence appended. Its `documents` list is read once (`stored`): read
//   inside the list predicates it was decoded again for every document of the transaction, and a hub fact's
//   list holds every document that states it (~2,000 on the 2,000-document graph). The transaction's
//   documents are appended as they are: none of them can be in `stored`, since lock-documents read each
//   one's stored version under its lock and a replaced version was stripped earlier in this transaction
//   (filtering them against `stored` cost documents x stored comparisons per hub fact, a quarter of this
//   statement's time at 20,000 documents). (A relationship a replacement stripped of its last
//   document was reset to its bare bookkeeping by strip-relationships, so no stale property survives.)
//   When documents disagree on a property, the lowest document id wins, whatever the load order or
//   batching: row.props holds the lowest of this transaction's, and it overrides only when no stored
//   document is lower; otherwise it only fills keys still missing. Returns one count per row, which the
//   writer checks: a row whose end a concurrent removal deleted is silently skipped by MATCH.
//   CYPHER replan=skip: the plan is a unique-index seek whatever the statistics, and a load that grows the
//   graph fast made Neo4j re-plan it every few transactions (docs/loading.md, Query plans).
// param rows: list of {from, to, key, props, created} — created: the whole property map of a new relationship
//   (props, key, documents sorted, evidenceDocs/Starts/Ends/Texts, evidenceCount); the lists travel once,
//   in it. An append adds to `evidenceCount` without reading the stored lists' length.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:__TYPE__ {key: row.key}]->(b)
ON CREATE SET r = row.created
ON MATCH SET r._lock = true
WITH r, row, r._lock IS NOT NULL AS found, r.documents AS stored
REMOVE r._lock
FOREACH (_ IN CASE WHEN found THEN [1] ELSE [] END |
  SET r += CASE WHEN all(d IN stored WHERE row.created.documents[0] <= d) THEN row.props ELSE {} END
  SET r.documents = stored + row.created.documents,
      r.evidenceDocs = r.evidenceDocs + row.created.evidenceDocs,
      r.evidenceStarts = r.evidenceStarts + row.created.evidenceStarts,
      r.evidenceEnds = r.evidenceEnds + row.created.evidenceEnds,
      r.evidenceTexts = r.evidenceTexts + row.created.evidenceTexts,
      r.evidenceCount = coalesce(r.evidenceCount, 0) + size(row.created.evidenceDocs)
  FOREACH (k IN [k IN keys(row.props) WHERE r[k] IS NULL] | SET r[k] = row.props[k]))
RETURN count(*) AS rows
