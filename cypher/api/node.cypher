// title: One node with its degree per relationship type
// description: The node by its id (a lean map: bookkeeping keys $hiddenNodeKeys left out, the support
//   set as a count of the Documents that state it, a Document's text left to /api/documents), and how many relationships of each type
//   and direction touch it.
// params: id, hiddenNodeKeys (list)
MATCH (n:Entity {id: $id})
CALL (n) {
  MATCH (n)-[r]->()
  RETURN type(r) AS type, 'out' AS direction, count(r) AS count
  UNION ALL
  MATCH (n)<-[r]-()
  RETURN type(r) AS type, 'in' AS direction, count(r) AS count
}
RETURN {kind: 'node', elementId: elementId(n), labels: labels(n),
        properties: [k IN keys(n) WHERE NOT k IN $hiddenNodeKeys AND NOT (k = 'text' AND n:Document) | [k, n[k]]],
        // Support lives on the Document nodes (nodeIds), so counting it is a pass over the Documents:
        // fine for one node, which is why only this query reports it.
        documentCount: CASE WHEN n:Document THEN null ELSE COUNT { MATCH (d:Document) WHERE n.id IN d.nodeIds } END} AS n,
       collect({type: type, direction: direction, count: count}) AS degrees
