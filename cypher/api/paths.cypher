// title: Shortest paths between two entities
// description: All shortest paths (undirected, at most 10 hops; $maxHops filters further) between two
//   nodes. Documents are skipped as stepping stones unless $throughDocuments, since every document
//   mentions half the graph and would make every path trivial.
// params: from, to, maxHops, limit, throughDocuments
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..10]-(b))
WHERE length(p) <= $maxHops
  AND ($throughDocuments OR all(x IN nodes(p)[1..-1] WHERE NOT x:Document))
RETURN p
LIMIT $limit
