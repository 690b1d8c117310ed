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
//   Returns one count per row, which the writer checks:
//   MATCH skips a row whose node a concurrent removal deleted, and such a transaction is redone.
//   The document and the types come as positions in $docNodeIds and $types: the same few strings on
//   every row were a fifth of what the statement sent (write-plan.ts).
//   CYPHER replan=skip: the plan is a unique-index seek whatever the statistics, and a load that grows the
//   graph fast made Neo4j re-plan it every few transactions (docs/loading.md, Query plans).
// param rows: list of [document, nodeId, aliases, outTypes, outEnds, outKeys, outSpans], sorted by node id — document: integer position in $docNodeIds; outTypes: integer positions in $types; outSpans: integers (entry, start, end)
// param docNodeIds: string[] — the transaction's `document:<documentId>` ids
// param types: string[] — RELATIONSHIP_TYPES
CYPHER replan=skip
UNWIND $rows AS row
MATCH (d:Entity {id: $docNodeIds[row[0]]})
MATCH (n:Entity {id: row[1]})
CREATE (d)-[:STATES {aliases: row[2], outTypes: [i IN row[3] | $types[i]], outEnds: row[4], outKeys: row[5], outSpans: row[6]}]->(n)
RETURN count(*) AS created
