// title: Lock a document
// description: First statement of every document transaction. MERGE on the unique id serialises two
//   loaders working on the same document; the no-op SET/REMOVE takes the node's write lock until commit.
//   Returns what the database already holds for the document, so unchanged documents are skipped.
// param docNodeId: string — `document:<documentId>`
MERGE (d:Entity {id: $docNodeId})
SET d._lock = true
REMOVE d._lock
RETURN d.sha256 AS sha256, coalesce(d.nodeIds, []) AS nodeIds
