// title: Lock documents
// description: First statement of every write transaction. MERGE on the unique id serialises two loaders
//   working on the same document; the no-op SET/REMOVE takes the node's write lock until commit. $docNodeIds
//   is sorted, so transactions that share documents take their locks in the same order. Returns what the
//   database already holds for each document, so unchanged documents are skipped.
//   CYPHER replan=skip: the plan is a unique-index seek whatever the statistics, and a load that grows the
//   graph fast made Neo4j re-plan it every few transactions (docs/loading.md, Query plans).
// param docNodeIds: string[] — `document:<documentId>` ids, sorted
CYPHER replan=skip
UNWIND $docNodeIds AS docNodeId
MERGE (d:Entity {id: docNodeId})
SET d._lock = true
REMOVE d._lock
RETURN d.id AS docNodeId, d.sha256 AS sha256
