// title: Set nodes afresh that a replacement stripped of their last document
// description: An old node of a replaced document that no other document states, but the new version
//   states again: its whole property map is replaced by the new one (combine-documents.ts newNodeProps),
//   so nothing of the old version survives. (New nodes get theirs in merge-nodes.cypher.) Labels are
//   dynamic ($(row.labels)); their values were checked against NODE_LABELS by the zod contract and
//   prepare-facts.ts.
//   CYPHER replan=skip: the plan is a unique-index seek whatever the statistics, and a load that grows the
//   graph fast made Neo4j re-plan it every few transactions (docs/loading.md, Query plans).
// param rows: list of [labels, props] — merge-nodes.cypher's rows; the id is props.id
CYPHER replan=skip
UNWIND $rows AS row
MATCH (n:Entity {id: row[1].id})
SET n = row[1]
SET n:$(row[0])
RETURN count(*) AS created
