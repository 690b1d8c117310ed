// title: Graph schema summary
// description: Labels and relationship types with counts, property keys, and which properties each label
//   uses (for legends and editor autocompletion). One pass over nodes and one over relationships; STATES
//   (which document states which node, docs/graph-storage.md) is bookkeeping and left out.
// params: none
CALL () {
  MATCH (n:Entity) UNWIND labels(n) AS label
  WITH label, count(*) AS count ORDER BY label
  RETURN collect({label: label, count: count}) AS labels
}
CALL () {
  MATCH ()-[r:!STATES]->()
  WITH type(r) AS type, count(*) AS count ORDER BY type
  RETURN collect({type: type, count: count}) AS relationshipTypes
}
CALL () {
  CALL db.propertyKeys() YIELD propertyKey
  WITH propertyKey ORDER BY propertyKey
  RETURN collect(propertyKey) AS propertyKeys
}
CALL () {
  MATCH (a)-[r:!STATES]->(b)
  WITH [l IN labels(a) WHERE l <> 'Entity'][0] AS from, type(r) AS type, [l IN labels(b) WHERE l <> 'Entity'][0] AS to, count(*) AS count
  ORDER BY type, from, to
  RETURN collect({from: from, type: type, to: to, count: count}) AS patterns
}
RETURN labels, relationshipTypes, propertyKeys, patterns
