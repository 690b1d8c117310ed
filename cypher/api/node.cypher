// title: One node with its degree per relationship type
// description: The node by its id (a lean map: bookkeeping keys $hiddenNodeKeys left out, the support
//   set as a count of the Documents that state it, a Document's text left to /api/documents), and how many relationships of each type
//   and direction touch it (STATES, the support bookkeeping, is the count, not a type).
// params: id, hiddenNodeKeys (list)
MATCH (n:Entity {id: $id})
CALL (n) {
  MATCH (n)-[r:!STATES]->()
  RETURN type(r) AS type, 'out' AS direction, count(r) AS count
  UNION ALL
  MATCH (n)<-[r:!STATES]-()
  RETURN type(r) AS type, 'in' AS direction, count(r) AS count
}
RETURN {kind: 'node', elementId: elementId(n), labels: labels(n),
        properties: [k IN keys(n) WHERE NOT k IN $hiddenNodeKeys AND NOT (k = 'text' AND n:Document) | [k, n[k]]],
        // A node's support is its STATES degree: a count-store look-up on a dense node.
        documentCount: CASE WHEN n:Document THEN null ELSE COUNT { (n)<-[:STATES]-() } END} AS n,
       collect({type: type, direction: direction, count: count}) AS degrees
