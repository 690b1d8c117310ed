// title: Neighbours of a selection per relationship type and label
// description: How many distinct neighbours the selected nodes have through each relationship type and
//   with each label (the primary label, the first that is not Entity), so a client can offer "by type",
//   "by label" and say "50 of 230 shown" before and after an expansion. Nodes of the selection are not
//   counted as neighbours. Rows with type '*' count each neighbour once whatever relationship leads to
//   it (a neighbour reached two ways is one), so a label's total is exact.
//   STATES (which document states a node) is support bookkeeping, not a neighbour (docs/graph-storage.md).
// params: ids (list)
MATCH (n:Entity)
WHERE n.id IN $ids
MATCH (n)-[r:!STATES]-(m:Entity)
WHERE NOT m.id IN $ids
WITH type(r) AS type, [l IN labels(m) WHERE l <> 'Entity'][0] AS label, m
RETURN type, label, count(DISTINCT m) AS count
UNION ALL
MATCH (n:Entity)
WHERE n.id IN $ids
MATCH (n)-[:!STATES]-(m:Entity)
WHERE NOT m.id IN $ids
WITH [l IN labels(m) WHERE l <> 'Entity'][0] AS label, m
RETURN '*' AS type, label, count(DISTINCT m) AS count
