// title: Delete nodes no document supports
// description: The old nodes of a replaced or removed document that no Document states any more
//   (supported-nodes.cypher) and the new version does not state again. Their relationships were stripped
//   and deleted before; a plain DELETE (not DETACH) makes a relationship that is still there, which only
//   a concurrent loader could have added, fail the transaction instead of being lost with the node.
// param ids: string[] — node ids
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE NOT n:Document
DELETE n
RETURN count(*) AS deleted
