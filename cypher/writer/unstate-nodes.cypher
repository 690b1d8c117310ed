// title: Take documents' support off their nodes
// description: Deletes the STATES relationships of the documents being replaced or removed (their nodes
//   are locked already) and returns, per node, the aliases those documents printed for it and which of
//   them stated it: what reset-node-support.cypher may have to take back.
// param docNodeIds: string[] — `document:<documentId>` ids
UNWIND $docNodeIds AS docNodeId
MATCH (d:Document {id: docNodeId})-[s:STATES]->(n)
WITH n, d.docId AS docId, s.aliases AS aliases, s
DELETE s
WITH n, collect(docId) AS docIds, collect(aliases) AS aliasLists
RETURN n.id AS id, docIds, reduce(acc = [], l IN aliasLists | acc + [a IN l WHERE NOT a IN acc]) AS aliases
