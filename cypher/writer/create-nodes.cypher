// title: Set nodes afresh that a replacement stripped of their last document
// description: An old node of a replaced document that no other document states, but the new version
//   states again: its whole property map is replaced by the new one (combine-documents.ts newNodeProps),
//   so nothing of the old version survives. (New nodes get theirs in merge-nodes.cypher.) Labels are
//   dynamic ($(row.labels)); their values were checked against NODE_LABELS by the zod contract and
//   prepare-facts.ts.
// param rows: list of [labels, props] — merge-nodes.cypher's rows; the id is props.id
UNWIND $rows AS row
MATCH (n:Entity {id: row[1].id})
SET n = row[1]
SET n:$(row[0])
RETURN count(*) AS created
