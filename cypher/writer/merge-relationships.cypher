// title: Merge the relationships of one type for a transaction's documents
// description: A template: __TYPE__ is replaced by relationship-cypher.ts with a name from
//   RELATIONSHIP_TYPES, and nothing else (a dynamic type in MERGE is ~40x slower in Neo4j 5.26 because the
//   planner cannot expand by type). One row per relationship, combining every document of the transaction
//   that states it (combine-documents.ts); rows are sorted by their ends, so transactions lock shared
//   relationships in one order. MERGE is on (from, type, to, key); Neo4j locks both ends before it
//   creates one, so concurrent loaders cannot create duplicates. A new relationship gets its whole
//   property map in one SET. An existing one is write-locked first and only then read, so an append
//   cannot overwrite another loader's append it raced (the lost update of Neo4j's concurrency guide);
//   then it gets the counts added and, when some of the transaction's documents belong among its lowest
//   ids, its evidence sample (evidence-sample.ts) chosen again: appended as they are when they all sort
//   after the stored ones and fit, else the $sample lowest of both, ranked (at most $sample + 50 ids).
//   A fact that every document restates keeps its full sample after the first few transactions and
//   gets only its counts added from then on: before, its lists held an entry per document and every
//   transaction rewrote them (at 20,000 documents the loader's main cost). None of the transaction's
//   documents can be in the stored sample: lock-documents read each one's stored version under its lock,
//   and a replaced version was stripped earlier in this transaction. The sample is sorted by document
//   id (combineDocuments sorts them), so its first and last are its lowest and highest. (A relationship a
//   replacement stripped of its last document was reset to its bare bookkeeping by strip-relationships,
//   so no stale property survives.)
//   When documents disagree on a property, the lowest document id wins, whatever the load order or
//   batching: row.props holds the lowest of this transaction's, and it overrides only when no stored
//   document is lower (the sample's first is the lowest of all); otherwise it only fills keys still missing. Returns one count per row, which the
//   writer checks: a row whose end a concurrent removal deleted is silently skipped by MATCH.
//   CYPHER replan=skip: the plan is a unique-index seek whatever the statistics, and a load that grows the
//   graph fast made Neo4j re-plan it every few transactions (docs/loading.md, Query plans).
// param rows: list of {from, to, key, props, created} — created: the whole property map of a new relationship
//   (props, key, the sampled documents sorted and their evidenceDocs/Starts/Ends/Texts, documentCount,
//   evidenceCount); the lists travel once, in it.
// param sample: integer — SAMPLE_DOCUMENTS
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:__TYPE__ {key: row.key}]->(b)
ON CREATE SET r = row.created
ON MATCH SET r._lock = true
WITH r, row, row.created AS c, r._lock IS NOT NULL AS found, coalesce(r.documents, []) AS stored
REMOVE r._lock
WITH r, row, c, found, stored,
     found AND size(stored) + size(c.documents) <= $sample AND (size(stored) = 0 OR last(stored) < c.documents[0]) AS append,
     found AND (size(stored) < $sample OR c.documents[0] < last(stored)) AS choose
WITH r, row, c, found, stored, append,
     CASE WHEN choose AND NOT append THEN stored + c.documents END AS pool,
     CASE WHEN choose AND NOT append THEN r.evidenceDocs + c.evidenceDocs END AS pd
WITH r, row, c, found, stored, append, pool, pd,
     CASE WHEN pool IS NOT NULL THEN [x IN pool | size([y IN pool WHERE y < x])] END AS ranks
WITH r, row, c, found, stored, append, pd,
     CASE WHEN pool IS NOT NULL THEN [k IN range(0, size(pool) - 1) WHERE k < $sample | pool[head([i IN range(0, size(pool) - 1) WHERE ranks[i] = k])]] END AS keep
WITH r, row, c, found, stored, append, pd, keep,
     CASE WHEN keep IS NOT NULL THEN reduce(acc = [], d IN keep | acc + [i IN range(0, size(pd) - 1) WHERE pd[i] = d]) END AS idx,
     CASE WHEN keep IS NOT NULL THEN r.evidenceStarts + c.evidenceStarts END AS ps,
     CASE WHEN keep IS NOT NULL THEN r.evidenceEnds + c.evidenceEnds END AS pe,
     CASE WHEN keep IS NOT NULL THEN r.evidenceTexts + c.evidenceTexts END AS pt
FOREACH (_ IN CASE WHEN found THEN [1] ELSE [] END |
  SET r += CASE WHEN size(stored) = 0 OR c.documents[0] <= stored[0] THEN row.props ELSE {} END
  SET r.documentCount = coalesce(r.documentCount, size(stored)) + c.documentCount,
      r.evidenceCount = coalesce(r.evidenceCount, 0) + c.evidenceCount
  FOREACH (k IN [k IN keys(row.props) WHERE r[k] IS NULL] | SET r[k] = row.props[k]))
FOREACH (_ IN CASE WHEN append THEN [1] ELSE [] END |
  SET r.documents = stored + c.documents,
      r.evidenceDocs = r.evidenceDocs + c.evidenceDocs,
      r.evidenceStarts = r.evidenceStarts + c.evidenceStarts,
      r.evidenceEnds = r.evidenceEnds + c.evidenceEnds,
      r.evidenceTexts = r.evidenceTexts + c.evidenceTexts)
FOREACH (_ IN CASE WHEN keep IS NOT NULL THEN [1] ELSE [] END |
  SET r.documents = keep,
      r.evidenceDocs = [i IN idx | pd[i]],
      r.evidenceStarts = [i IN idx | ps[i]],
      r.evidenceEnds = [i IN idx | pe[i]],
      r.evidenceTexts = [i IN idx | pt[i]])
RETURN count(*) AS rows
