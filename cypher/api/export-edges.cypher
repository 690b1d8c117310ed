// title: Export relationships
// description: Every fact relationship (not the STATES bookkeeping) between exported nodes ($ids null = whole graph), up to $limit.
// params: ids (list|null), limit
MATCH (a:Entity)-[r:!STATES]->(b:Entity)
WHERE $ids IS NULL OR (a.id IN $ids AND b.id IN $ids)
RETURN r, a.id AS source, b.id AS target
ORDER BY elementId(r)
LIMIT $limit
