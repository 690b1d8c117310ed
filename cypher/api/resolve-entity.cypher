// title: Resolve an entity parameter
// description: Finds the node a curated query's entity(Label) parameter names: by id first, then by
//   name or printed alias, so 长乐区人民政府 finds agency:长乐区政府 too. Each branch is an index seek
//   (a single WHERE with OR scanned every node: 300 ms on a 150,000-node graph); aliases are found
//   through the text-indexed aliasText, which holds the name and every alias (capped by the loader at
//   ~4,000 characters, so an alias beyond the cap of a very long list is not found by this branch).
//   Up to 6 hits, best first, each with its area: a short name such as 市发改委 is printed by many cities,
//   and the caller refuses to pick one of several equally good hits for the user.
// params: value, label
CALL () {
  MATCH (n:Entity {id: $value})
  RETURN n, 0 AS rank
  UNION
  MATCH (n:Entity {name: $value})
  RETURN n, 1 AS rank
  UNION
  MATCH (n:Entity) WHERE n.aliasText CONTAINS $value AND $value IN n.aliases
  RETURN n, 2 AS rank
}
WITH n, rank
WHERE $label IN labels(n)
RETURN n.id AS id, n.name AS name, n.jurisdiction AS jurisdiction, rank
ORDER BY rank, n.id
LIMIT 6
