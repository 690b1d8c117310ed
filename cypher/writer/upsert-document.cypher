// title: Write the Document node
// description: Replaces the Document node's properties with the new version's (sha256, text, …) and
//   records the node ids its facts touched, which is what a later replacement or removal starts from.
// param docNodeId: string — `document:<documentId>`
// param docId: string — the bare document id
// param props: map — id, docId, name, file, kind, issued, sha256, text, search keys
// param nodeIds: string[] — the nodes the document's facts touched
// param loadedAt: string — ISO time
MATCH (d:Entity {id: $docNodeId})
SET d = $props
SET d:Document, d.nodeIds = $nodeIds, d.documents = [$docId], d.loadedAt = $loadedAt
RETURN d.id AS id
