// title: Neighbours of a node (one page)
// description: Relationships around a node filtered by type, direction and the other end's labels,
//   ordered stably for paging. Filters are parameters (null = no filter). Elements come back as lean
//   maps (graph-elements.ts): bookkeeping keys ($hiddenNodeKeys, $hiddenRelKeys) are left out on the
//   server, since on a hub they are thousands of entries per element; evidence comes back as counts and
//   the first span.
// params: id, types (list|null), direction ('out'|'in'|'both'), labels (list|null), offset, limit,
//   hiddenNodeKeys (list), hiddenRelKeys (list)
MATCH (n:Entity {id: $id})
CALL (n) {
  MATCH (n)-[r:!STATES]-(m)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($direction = 'both' OR ($direction = 'out' AND startNode(r) = n) OR ($direction = 'in' AND endNode(r) = n))
    AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
  WITH r, m
  ORDER BY type(r), m.name, elementId(r)
  SKIP $offset
  LIMIT $limit
  RETURN collect({kind: 'relationship', elementId: elementId(r), type: type(r),
                  startElementId: elementId(startNode(r)), endElementId: elementId(endNode(r)),
                  properties: [k IN keys(r) WHERE NOT k IN $hiddenRelKeys | [k, r[k]]],
                  evidence: {count: size(r.evidenceDocs), documents: size(r.documents),
                             first: CASE WHEN size(r.evidenceDocs) > 0 THEN {document: r.evidenceDocs[0], start: r.evidenceStarts[0],
                                                                            end: r.evidenceEnds[0], text: r.evidenceTexts[0]} END}}) AS rels,
         collect(DISTINCT {kind: 'node', elementId: elementId(m), labels: labels(m),
                           properties: [k IN keys(m) WHERE NOT k IN $hiddenNodeKeys AND NOT (k = 'text' AND m:Document) | [k, m[k]]]}) AS others
}
RETURN {kind: 'node', elementId: elementId(n), labels: labels(n),
        properties: [k IN keys(n) WHERE NOT k IN $hiddenNodeKeys AND NOT (k = 'text' AND n:Document) | [k, n[k]]]} AS n, rels, others
