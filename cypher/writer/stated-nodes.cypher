// title: The nodes a loaded document states
// description: First step of a replacement or removal: the ends of each old version's STATES
//   relationships, one hop from its Document node. The writer locks them in id order before deciding
//   which of them keep support.
// param docNodeIds: string[] — `document:<documentId>` ids
UNWIND $docNodeIds AS docNodeId
MATCH (:Document {id: docNodeId})-[:STATES]->(n)
RETURN docNodeId, collect(n.id) AS nodeIds
