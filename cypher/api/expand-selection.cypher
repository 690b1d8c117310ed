// title: Expand a selection of nodes (one page of neighbours)
// description: The neighbours of several nodes at once, filtered by relationship type and the neighbour's
//   labels (null = no filter), counted and paged as distinct neighbour nodes (a neighbour of two selected
//   nodes is one), ordered by name for stable paging, with every matching relationship between the
//   selection and the page. Nodes of the selection itself are not their own neighbours. Elements are lean
//   maps like cypher/api/neighbors.cypher (bookkeeping keys left out, evidence as counts and first span).
//   STATES (which document states which node) is bookkeeping, not a neighbour.
// params: ids (list), types (list|null), labels (list|null), offset, limit, hiddenNodeKeys (list), hiddenRelKeys (list)
MATCH (n:Entity)
WHERE n.id IN $ids
MATCH (n)-[r:!STATES]-(m:Entity)
WHERE ($types IS NULL OR type(r) IN $types)
  AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
  AND NOT m.id IN $ids
WITH DISTINCT m
ORDER BY m.name, m.id
WITH collect(m) AS everyone
WITH size(everyone) AS total, everyone[$offset..($offset + $limit)] AS page
CALL (page) {
  UNWIND page AS m
  MATCH (n:Entity)-[r:!STATES]-(m)
  WHERE n.id IN $ids AND ($types IS NULL OR type(r) IN $types)
  RETURN collect(DISTINCT {kind: 'relationship', elementId: elementId(r), type: type(r),
                  startElementId: elementId(startNode(r)), endElementId: elementId(endNode(r)),
                  properties: [k IN keys(r) WHERE NOT k IN $hiddenRelKeys | [k, r[k]]],
                  evidence: {count: r.evidenceCount, documents: r.documentCount,
                             first: CASE WHEN size(r.evidenceDocs) > 0 THEN {document: r.evidenceDocs[0], start: r.evidenceStarts[0],
                                                                            end: r.evidenceEnds[0], text: r.evidenceTexts[0]} END}}) AS rels
}
CALL () {
  MATCH (n:Entity)
  WHERE n.id IN $ids
  RETURN collect({kind: 'node', elementId: elementId(n), labels: labels(n),
                  properties: [k IN keys(n) WHERE NOT k IN $hiddenNodeKeys AND NOT (k = 'text' AND n:Document) | [k, n[k]]]}) AS centres
}
RETURN total, centres, rels,
       [m IN page | {kind: 'node', elementId: elementId(m), labels: labels(m),
                     properties: [k IN keys(m) WHERE NOT k IN $hiddenNodeKeys AND NOT (k = 'text' AND m:Document) | [k, m[k]]]}] AS others
