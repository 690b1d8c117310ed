// title: Evidence of a node's facts
// description: One row per evidence span of every relationship touching the node (at most $limit),
//   with the node at the other end. The spans index the document text (docs/graph-storage.md).
// params: id, limit
MATCH (n:Entity {id: $id})-[r]-(other)
WHERE r.evidenceDocs IS NOT NULL
WITH n, r, other
ORDER BY type(r), other.name
UNWIND range(0, size(r.evidenceDocs) - 1) AS i
RETURN type(r) AS type,
       CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction,
       other.id AS otherId, other.name AS otherName,
       [l IN labels(other) WHERE l <> 'Entity'][0] AS otherLabel,
       r.evidenceDocs[i] AS document, r.evidenceStarts[i] AS start, r.evidenceEnds[i] AS end,
       r.evidenceTexts[i] AS text, properties(r) AS properties
LIMIT $limit
