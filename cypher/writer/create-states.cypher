// title: Record which nodes each document states
// description: One (:Document)-[:STATES {aliases}]->(node) per document and node its facts touch: a
//   node's support is its STATES degree, and `aliases` are the surface forms that document printed for it,
//   so a replacement or removal takes back exactly its aliases (docs/graph-storage.md). Creating the
//   relationship takes the node's lock (shared on a dense hub), which is what orders a load after a
//   replacement or removal that locked the node to decide its support, and the other way round.
//   `outTypes`/`outEnds`/`outKeys` are the type, other end and key of each relationship the document
//   states from the node, and `outSpans` its evidence spans of them (flat: entry, start, end), so
//   GET /api/documents/:id finds the document's facts by typed expands between two known nodes, and their
//   spans here, instead of walking every relationship of a hub or reading a hub fact's evidence lists.
//   Returns the number of STATES created, which the writer checks against the entries it sent:
//   MATCH skips a row whose node a concurrent removal deleted, and such a transaction is redone.
//   The document and the types come as positions in $docNodeIds and $types: the same few strings on
//   every row were a fifth of what the statement sent (write-plan.ts). Rows are grouped by node and the
//   documents are looked up once per statement, not once per entry: each lookup is a locking index seek,
//   and a hub is stated by every document of the transaction. The Document nodes were locked (and made)
//   by lock-documents, so all are there; collect keeps their order, which the WHERE checks rather than trusts.
//   CYPHER replan=skip: the plan is a unique-index seek whatever the statistics, and a load that grows the
//   graph fast made Neo4j re-plan it every few transactions (docs/loading.md, Query plans).
// param rows: list of [nodeId, entries], sorted by node id; entries: list of [document, aliases, outTypes, outEnds, outKeys, outSpans] — document: integer position in $docNodeIds; outTypes: integer positions in $types; outSpans: integers (entry, start, end)
// param docNodeIds: string[] — the transaction's `document:<documentId>` ids, sorted
// param types: string[] — RELATIONSHIP_TYPES
CYPHER replan=skip
UNWIND $docNodeIds AS docNodeId
MATCH (d:Entity {id: docNodeId})
WITH collect(d) AS docs
WHERE size(docs) = size($docNodeIds) AND all(i IN range(0, size(docs) - 1) WHERE docs[i].id = $docNodeIds[i])
UNWIND $rows AS row
MATCH (n:Entity {id: row[0]})
UNWIND row[1] AS s
WITH docs[s[0]] AS d, n, s
CREATE (d)-[:STATES {aliases: s[1], outTypes: [i IN s[2] | $types[i]], outEnds: s[3], outKeys: s[4], outSpans: s[5]}]->(n)
RETURN count(*) AS created
