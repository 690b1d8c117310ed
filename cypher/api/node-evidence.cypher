// title: Evidence of a node's facts
// description: Evidence spans of the relationships touching the node, at most $perRelationship per
//   relationship (a hub relationship such as a MEMBER_OF stated by every document would otherwise fill
//   the whole answer) and at most $limit in all, with the node at the other end and how many spans the
//   relationship's documents give in all (`evidenceCount`). The spans listed are those the relationship
//   holds, its lowest-id documents' (evidence-sample.ts); the edge's own evidence (edge.cypher) reads on. The spans index the document text (docs/graph-storage.md); relationship
//   properties come without the bookkeeping lists ($hiddenRelKeys).
// params: id, limit, perRelationship, hiddenRelKeys (list)
MATCH (n:Entity {id: $id})-[r:!STATES]-(other)
WHERE r.evidenceDocs IS NOT NULL
WITH n, r, other, size(r.evidenceDocs) AS held, r.evidenceCount AS spans
ORDER BY type(r), other.name, elementId(r)
UNWIND range(0, CASE WHEN held < $perRelationship THEN held ELSE $perRelationship END - 1) AS i
RETURN type(r) AS type,
       CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction,
       other.id AS otherId, other.name AS otherName,
       [l IN labels(other) WHERE l <> 'Entity'][0] AS otherLabel,
       r.evidenceDocs[i] AS document, r.evidenceStarts[i] AS start, r.evidenceEnds[i] AS end,
       r.evidenceTexts[i] AS text, spans,
       [k IN keys(r) WHERE NOT k IN $hiddenRelKeys AND k <> 'key' | [k, r[k]]] AS properties
LIMIT $limit
