// title: Neighbours of a node, one page, read one relationship type at a time
// description: The node's relationships in the neighbours order — type, then the other end's name, then
//   the relationship's element id; an agency's own tasks (RESPONSIBLE_FOR from the node) in the order
//   tasks-of-agency uses (plan, printed order, number, task id: the stored RESPONSIBLE_FOR.pageKey) — with
//   direction and the other end's labels filtered (null = no filter). server/graph/queries/nodes.ts cuts
//   the page into the rows it needs from each type, using the per-type totals (neighbor-totals.cypher),
//   and each type is read alone:
//   - $sorted: types read by expanding the node's fact relationships once, keeping these types, and
//     sorting them (cost: the node's degree to read, the types' counts to sort), each giving rows offset
//     to offset + limit.
//   - an agency's tasks, rows $keyedOffset to $keyedOffset + $keyedLimit (none when $keyedLimit is 0):
//     the range index responsible_for_page_key hands them out in key order and LIMIT stops the seek after
//     offset + limit entries; the relationships sharing the last key (other roles on the same task) are
//     added so ties sort exactly. A page costs the same for an agency with 11 tasks and one with 10,000.
//   Elements come back as lean maps (graph-elements.ts): bookkeeping keys ($hiddenNodeKeys,
//   $hiddenRelKeys) are left out on the server, evidence comes back as counts and the first span.
// params: id, sorted (list of {type, offset, limit}), keyedOffset, keyedLimit, direction ('out'|'in'|'both'),
//   labels (list|null), hiddenNodeKeys (list), hiddenRelKeys (list)
MATCH (n:Entity {id: $id})
CALL (n) {
  WITH n WHERE $keyedLimit > 0
  CALL (n) {
    MATCH ()-[r:RESPONSIBLE_FOR]->(m)
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
  // One expansion for every type read this way (a page holds at most a few), sorted per type. A typed
  // pattern per type would spare a dense node's other types, but fourteen branches took 1.6 s to plan;
  // this reads the node's fact relationships once without their other ends, whose names are read only
  // for the types asked.
  WITH n, $sorted AS sorted
  WHERE size(sorted) > 0
  CALL (n, sorted) {
    MATCH (n)-[r:!STATES]-(m)
    WHERE type(r) IN [p IN sorted | p.type]
      AND ($direction = 'both' OR ($direction = 'out' AND startNode(r) = n) OR ($direction = 'in' AND endNode(r) = n))
      AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
    WITH r, m
    ORDER BY m.name, elementId(r)
    RETURN type(r) AS type, collect({r: r, m: m}) AS all
  }
  UNWIND sorted AS p
  WITH p, type, all WHERE p.type = type
  RETURN p.type AS type, all[p.offset..p.offset + p.limit] AS rows
}
WITH type, rows
ORDER BY type
UNWIND rows AS row
WITH row.r AS r, row.m AS m
RETURN collect({kind: 'relationship', elementId: elementId(r), type: type(r),
                startElementId: elementId(startNode(r)), endElementId: elementId(endNode(r)),
                properties: [k IN keys(r) WHERE NOT k IN $hiddenRelKeys | [k, r[k]]],
                evidence: {count: size(r.evidenceDocs), documents: size(r.documents),
                           first: CASE WHEN size(r.evidenceDocs) > 0 THEN {document: r.evidenceDocs[0], start: r.evidenceStarts[0],
                                                                          end: r.evidenceEnds[0], text: r.evidenceTexts[0]} END}}) AS rels,
       collect(DISTINCT {kind: 'node', elementId: elementId(m), labels: labels(m),
                         properties: [k IN keys(m) WHERE NOT k IN $hiddenNodeKeys AND NOT (k = 'text' AND m:Document) | [k, m[k]]]}) AS others
