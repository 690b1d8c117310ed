// title: Neighbours of a node, one page, each relationship type read alone
// description: The node's relationships in the neighbours order — type, then the other end's name, then
//   the relationship's element id; an agency's own tasks (RESPONSIBLE_FOR from the node) in the order
//   tasks-of-agency uses (plan, printed order, number, task id: the stored RESPONSIBLE_FOR.pageKey) — with
//   direction and the other end's labels filtered (null = no filter). server/graph/queries/nodes.ts cuts
//   the page into the rows it needs from each type, using the per-type totals (neighbor-totals.cypher),
//   and each type is read alone, so a page costs what its own types cost, never the node's whole degree:
//   - an agency's tasks, rows $keyedOffset to $keyedOffset + $keyedLimit (none when $keyedLimit is 0):
//     the range index responsible_for_page_key hands them out in key order and LIMIT stops the seek after
//     offset + limit entries; the relationships sharing the last key (other roles on the same task) are
//     added so ties sort exactly. A page costs the same for an agency with 11 tasks and one with 10,000.
//   - the other types, $sorted: {type, ids} per type, the element ids of that type's rows in order, read
//     before by neighbors-of-type.cypher (a typed expansion of the asked direction, sorted by name); here
//     each is one element-id seek.
//   Elements come back as lean maps (graph-elements.ts): bookkeeping keys ($hiddenNodeKeys,
//   $hiddenRelKeys) are left out on the server, evidence comes back as counts and the first span.
// params: id, sorted (list of {type, ids}), keyedOffset, keyedLimit, labels (list|null), hiddenNodeKeys (list),
//   hiddenRelKeys (list)
MATCH (n:Entity {id: $id})
CALL (n) {
  WITH n WHERE $keyedLimit > 0
  CALL (n) {
    MATCH ()-[r:RESPONSIBLE_FOR]->(m)
    USING INDEX SEEK r:RESPONSIBLE_FOR(pageKey)
    WHERE r.pageKey STARTS WITH n.id + '\t'
    // Ordered by the indexed property itself, so the index provides the order and LIMIT stops the seek.
    WITH r, m, r.pageKey AS key
    ORDER BY key
    WITH r, key WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
    LIMIT $keyedOffset + $keyedLimit
    RETURN collect(r) AS walked, last(collect(key)) AS lastKey
  }
  CALL (walked, lastKey) {
    UNWIND walked AS r
    RETURN r
    UNION
    MATCH ()-[r:RESPONSIBLE_FOR]->()
    WHERE r.pageKey = lastKey
    RETURN r
  }
  WITH r, endNode(r) AS m
  ORDER BY r.pageKey, elementId(r)
  SKIP $keyedOffset
  LIMIT $keyedLimit
  RETURN 'RESPONSIBLE_FOR' AS type, collect({r: r, m: m}) AS rows
  UNION ALL
  UNWIND $sorted AS p
  CALL (n, p) {
    UNWIND range(0, size(p.ids) - 1) AS i
    MATCH ()-[r]->()
    WHERE elementId(r) = p.ids[i]
    WITH i, r, CASE WHEN startNode(r) = n THEN endNode(r) ELSE startNode(r) END AS m
    ORDER BY i
    RETURN collect({r: r, m: m}) AS rows
  }
  RETURN p.type AS type, rows
}
WITH type, rows
ORDER BY type
UNWIND rows AS row
WITH row.r AS r, row.m AS m
RETURN collect({kind: 'relationship', elementId: elementId(r), type: type(r),
                startElementId: elementId(startNode(r)), endElementId: elementId(endNode(r)),
                properties: [k IN keys(r) WHERE NOT k IN $hiddenRelKeys | [k, r[k]]],
                evidence: {count: r.evidenceCount, documents: r.documentCount,
                           first: CASE WHEN size(r.evidenceDocs) > 0 THEN {document: r.evidenceDocs[0], start: r.evidenceStarts[0],
                                                                          end: r.evidenceEnds[0], text: r.evidenceTexts[0]} END}}) AS rels,
       collect(DISTINCT {kind: 'node', elementId: elementId(m), labels: labels(m),
                         properties: [k IN keys(m) WHERE NOT k IN $hiddenNodeKeys AND NOT (k = 'text' AND m:Document) | [k, m[k]]]}) AS others
