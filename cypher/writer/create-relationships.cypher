// title: Create the relationships of one type that cannot exist yet
// description: A template like merge-relationships.cypher (__TYPE__ from RELATIONSHIP_TYPES only). For rows
//   with an end that merge-nodes created in this transaction: no relationship can be there yet, so the
//   MERGE's existence check (an expand over the other end, often an agency with thousands of tasks) is
//   skipped and the relationship is created with its whole property map. Returns the number created, which
//   the writer checks against the relationships it sent: the end that exists may have been deleted by a concurrent removal, and MATCH skips
//   such a row without a word.
//   Rows are positional lists rather than maps: they are most of a load's parameter traffic, and map keys
//   would be ~45% of the strings the driver encodes and Neo4j decodes (write-plan.ts); for the same reason
//   `documents` and `evidenceDocs` come as positions in $docIds, the transaction's few document ids.
//   The evidence is sampled (evidence-sample.ts): the lists hold the lowest document ids' spans, and
//   `documentCount` and `evidenceCount` count all of them, so readers count without reading lists.
//   Rows group the relationships at one node (write-plan.ts createRows), by their start or, when $byTo,
//   their end: an agency's thousands of RESPONSIBLE_FOR, or the MENTIONS of a few indicators, send and
//   seek its id once (each seek is a locking index seek).
//   CYPHER replan=skip: the plan is a unique-index seek whatever the statistics, and a load that grows the
//   graph fast made Neo4j re-plan it every few transactions (docs/loading.md, Query plans).
// param rows: list of [end, entries], entries: list of [other end, [key, documents, evidenceDocs, evidenceStarts, evidenceEnds, evidenceTexts, props, documentCount, evidenceCount]] — documents, evidenceDocs: integer positions in $docIds
// param byTo: boolean — each row's end is the relationships' end node (else their start node)
// param docIds: string[] — the transaction's bare document ids
CYPHER replan=skip
UNWIND $rows AS group
MATCH (g:Entity {id: group[0]})
UNWIND group[1] AS entry
MATCH (o:Entity {id: entry[0]})
WITH CASE WHEN $byTo THEN o ELSE g END AS a, CASE WHEN $byTo THEN g ELSE o END AS b, entry[1] AS row
CREATE (a)-[r:__TYPE__]->(b)
SET r = row[6]
SET r.key = row[0], r.documents = [i IN row[1] | $docIds[i]], r.evidenceDocs = [i IN row[2] | $docIds[i]],
    r.evidenceStarts = row[3], r.evidenceEnds = row[4], r.evidenceTexts = row[5], r.documentCount = row[7], r.evidenceCount = row[8]
RETURN count(*) AS created
