// title: Export nodes
// description: Every node, or the nodes with the listed ids ($ids null = whole graph), up to $limit.
// params: ids (list|null), limit
MATCH (n:Entity)
WHERE $ids IS NULL OR n.id IN $ids
RETURN n
ORDER BY n.id
LIMIT $limit
