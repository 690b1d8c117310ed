// title: Neighbours of a node (one page)
// description: Relationships around a node filtered by type, direction and the other end's labels,
//   ordered stably for paging. Filters are parameters (null = no filter).
// params: id, types (list|null), direction ('out'|'in'|'both'), labels (list|null), offset, limit
MATCH (n:Entity {id: $id})
CALL (n) {
  MATCH (n)-[r]-(m)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($direction = 'both' OR ($direction = 'out' AND startNode(r) = n) OR ($direction = 'in' AND endNode(r) = n))
    AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
  RETURN r, m
  ORDER BY type(r), m.name, elementId(r)
  SKIP $offset
  LIMIT $limit
}
RETURN n, collect(r) AS rels, collect(m) AS others
