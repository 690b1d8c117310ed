// title: Write Document nodes
// description: Replaces each Document node's properties with the new version's (sha256, text, …) and
//   records the node ids its facts touched, which is what a later replacement or removal starts from.
// param rows: list of {docNodeId, docId, props, nodeIds} — props: id, docId, name, file, kind, issued, sha256, text, search keys
// param loadedAt: string — ISO time
UNWIND $rows AS row
MATCH (d:Entity {id: row.docNodeId})
SET d = row.props
SET d:Document, d.nodeIds = row.nodeIds, d.documents = [row.docId], d.loadedAt = $loadedAt
RETURN count(*) AS written
