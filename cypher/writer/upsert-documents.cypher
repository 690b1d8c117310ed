// title: Write Document nodes
// description: Replaces each Document node's properties with the new version's (sha256, text, …) and
//   records what a later replacement or removal starts from: the node ids its facts touched (nodeIds, the
//   nodes' support record) and the aliases it printed for them (aliasPairs).
// param rows: list of {docNodeId, props, nodeIds, aliasPairs} — props: id, docId, name, file, kind, issued, sha256, text, search keys
// param loadedAt: string — ISO time
UNWIND $rows AS row
MATCH (d:Entity {id: row.docNodeId})
SET d = row.props
SET d:Document, d.nodeIds = row.nodeIds, d.aliasPairs = row.aliasPairs, d.loadedAt = $loadedAt
RETURN count(*) AS written
