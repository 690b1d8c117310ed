// title: Neighbour totals per relationship type and direction, counting only neighbours with given labels
// description: What neighbor-totals.cypher answers when the client asks only for neighbours with one of
//   $labels: the degree store counts relationships, not the labels at their other end, so this reads
//   the other end of every relationship of the node (STATES, the support bookkeeping, left out) and
//   costs what the node's degree costs. The explorer never sends a label filter to the neighbours
//   endpoint (it filters by type); the API keeps it for scripts. Same answer shape as
//   neighbor-totals.cypher.
// params: id, labels (list), hiddenNodeKeys (list)
MATCH (n:Entity {id: $id})
CALL (n) {
  OPTIONAL MATCH (n)-[r:!STATES]-(m)
  WHERE any(l IN labels(m) WHERE l IN $labels)
  WITH type(r) AS type, count(CASE WHEN startNode(r) = n THEN 1 END) AS out, count(CASE WHEN endNode(r) = n THEN 1 END) AS in
  WHERE type IS NOT NULL
  RETURN collect({type: type, out: out, in: in}) AS counts
}
RETURN {kind: 'node', elementId: elementId(n), labels: labels(n),
        properties: [k IN keys(n) WHERE NOT k IN $hiddenNodeKeys AND NOT (k = 'text' AND n:Document) | [k, n[k]]]} AS n,
       counts
