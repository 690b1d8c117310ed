// title: Neighbour totals per relationship type
// description: How many relationships of each type match the direction and label filters (the type
//   filter is left out so a client can offer the other types), so a client can say "50 of 230 shown".
// params: id, direction, labels (list|null)
MATCH (n:Entity {id: $id})-[r:!STATES]-(m)
WHERE ($direction = 'both' OR ($direction = 'out' AND startNode(r) = n) OR ($direction = 'in' AND endNode(r) = n))
  AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
RETURN type(r) AS type, count(r) AS count
ORDER BY type
