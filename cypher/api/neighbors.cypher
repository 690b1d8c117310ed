// title: Neighbours of a node, one page, read one relationship type and direction at a time
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
//   - $sorted, {type, offset, limit} per type sorted by the other end's name: one branch per relationship
//     type, each a typed expansion — on a dense node, a read of that type's relationship group only, and
//     of only the asked direction's chain (-[:T]-> or <-[:T]-, the other side skipped before it is read)
//     — sorted, giving rows offset to offset + limit (cost: the type's degree in that direction). A branch
//     whose type is not in $sorted reads nothing. The types are spelled out because Neo4j 5.26 plans a
//     dynamic type [r:$(p.type)] as an expansion of every type, filtered (PROFILE: 37,233 db hits for
//     three small types of the hub); the fifteen branches take about a second to plan, once per query
//     cache entry (docs/graph-storage.md, Hub pages). tests/unit/graph/queries/nodes-neighbors-cypher.test.ts
//     holds the branches to RELATIONSHIP_TYPES and to one text.
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
  UNWIND [p IN $sorted WHERE p.type = 'ADDRESSED_TO'] AS p
  CALL (n) {
    WITH n WHERE $direction <> 'in' MATCH (n)-[r:ADDRESSED_TO]->(m) RETURN r, m
    UNION ALL
    WITH n WHERE $direction <> 'out' MATCH (n)<-[r:ADDRESSED_TO]-(m) RETURN r, m
  }
  WITH p, r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
  ORDER BY m.name, elementId(r)
  WITH p, collect({r: r, m: m}) AS all
  RETURN 'ADDRESSED_TO' AS type, all[p.offset..p.offset + p.limit] AS rows
  UNION ALL
  UNWIND [p IN $sorted WHERE p.type = 'DESCRIBES'] AS p
  CALL (n) {
    WITH n WHERE $direction <> 'in' MATCH (n)-[r:DESCRIBES]->(m) RETURN r, m
    UNION ALL
    WITH n WHERE $direction <> 'out' MATCH (n)<-[r:DESCRIBES]-(m) RETURN r, m
  }
  WITH p, r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
  ORDER BY m.name, elementId(r)
  WITH p, collect({r: r, m: m}) AS all
  RETURN 'DESCRIBES' AS type, all[p.offset..p.offset + p.limit] AS rows
  UNION ALL
  UNWIND [p IN $sorted WHERE p.type = 'GOVERNS'] AS p
  CALL (n) {
    WITH n WHERE $direction <> 'in' MATCH (n)-[r:GOVERNS]->(m) RETURN r, m
    UNION ALL
    WITH n WHERE $direction <> 'out' MATCH (n)<-[r:GOVERNS]-(m) RETURN r, m
  }
  WITH p, r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
  ORDER BY m.name, elementId(r)
  WITH p, collect({r: r, m: m}) AS all
  RETURN 'GOVERNS' AS type, all[p.offset..p.offset + p.limit] AS rows
  UNION ALL
  UNWIND [p IN $sorted WHERE p.type = 'HAS_TASK'] AS p
  CALL (n) {
    WITH n WHERE $direction <> 'in' MATCH (n)-[r:HAS_TASK]->(m) RETURN r, m
    UNION ALL
    WITH n WHERE $direction <> 'out' MATCH (n)<-[r:HAS_TASK]-(m) RETURN r, m
  }
  WITH p, r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
  ORDER BY m.name, elementId(r)
  WITH p, collect({r: r, m: m}) AS all
  RETURN 'HAS_TASK' AS type, all[p.offset..p.offset + p.limit] AS rows
  UNION ALL
  UNWIND [p IN $sorted WHERE p.type = 'IMPLEMENTS'] AS p
  CALL (n) {
    WITH n WHERE $direction <> 'in' MATCH (n)-[r:IMPLEMENTS]->(m) RETURN r, m
    UNION ALL
    WITH n WHERE $direction <> 'out' MATCH (n)<-[r:IMPLEMENTS]-(m) RETURN r, m
  }
  WITH p, r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
  ORDER BY m.name, elementId(r)
  WITH p, collect({r: r, m: m}) AS all
  RETURN 'IMPLEMENTS' AS type, all[p.offset..p.offset + p.limit] AS rows
  UNION ALL
  UNWIND [p IN $sorted WHERE p.type = 'ISSUED_BY'] AS p
  CALL (n) {
    WITH n WHERE $direction <> 'in' MATCH (n)-[r:ISSUED_BY]->(m) RETURN r, m
    UNION ALL
    WITH n WHERE $direction <> 'out' MATCH (n)<-[r:ISSUED_BY]-(m) RETURN r, m
  }
  WITH p, r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
  ORDER BY m.name, elementId(r)
  WITH p, collect({r: r, m: m}) AS all
  RETURN 'ISSUED_BY' AS type, all[p.offset..p.offset + p.limit] AS rows
  UNION ALL
  UNWIND [p IN $sorted WHERE p.type = 'LOCATED_IN'] AS p
  CALL (n) {
    WITH n WHERE $direction <> 'in' MATCH (n)-[r:LOCATED_IN]->(m) RETURN r, m
    UNION ALL
    WITH n WHERE $direction <> 'out' MATCH (n)<-[r:LOCATED_IN]-(m) RETURN r, m
  }
  WITH p, r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
  ORDER BY m.name, elementId(r)
  WITH p, collect({r: r, m: m}) AS all
  RETURN 'LOCATED_IN' AS type, all[p.offset..p.offset + p.limit] AS rows
  UNION ALL
  UNWIND [p IN $sorted WHERE p.type = 'MEMBER_OF'] AS p
  CALL (n) {
    WITH n WHERE $direction <> 'in' MATCH (n)-[r:MEMBER_OF]->(m) RETURN r, m
    UNION ALL
    WITH n WHERE $direction <> 'out' MATCH (n)<-[r:MEMBER_OF]-(m) RETURN r, m
  }
  WITH p, r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
  ORDER BY m.name, elementId(r)
  WITH p, collect({r: r, m: m}) AS all
  RETURN 'MEMBER_OF' AS type, all[p.offset..p.offset + p.limit] AS rows
  UNION ALL
  UNWIND [p IN $sorted WHERE p.type = 'MENTIONS'] AS p
  CALL (n) {
    WITH n WHERE $direction <> 'in' MATCH (n)-[r:MENTIONS]->(m) RETURN r, m
    UNION ALL
    WITH n WHERE $direction <> 'out' MATCH (n)<-[r:MENTIONS]-(m) RETURN r, m
  }
  WITH p, r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
  ORDER BY m.name, elementId(r)
  WITH p, collect({r: r, m: m}) AS all
  RETURN 'MENTIONS' AS type, all[p.offset..p.offset + p.limit] AS rows
  UNION ALL
  UNWIND [p IN $sorted WHERE p.type = 'OF'] AS p
  CALL (n) {
    WITH n WHERE $direction <> 'in' MATCH (n)-[r:OF]->(m) RETURN r, m
    UNION ALL
    WITH n WHERE $direction <> 'out' MATCH (n)<-[r:OF]-(m) RETURN r, m
  }
  WITH p, r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
  ORDER BY m.name, elementId(r)
  WITH p, collect({r: r, m: m}) AS all
  RETURN 'OF' AS type, all[p.offset..p.offset + p.limit] AS rows
  UNION ALL
  UNWIND [p IN $sorted WHERE p.type = 'REFERENCES'] AS p
  CALL (n) {
    WITH n WHERE $direction <> 'in' MATCH (n)-[r:REFERENCES]->(m) RETURN r, m
    UNION ALL
    WITH n WHERE $direction <> 'out' MATCH (n)<-[r:REFERENCES]-(m) RETURN r, m
  }
  WITH p, r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
  ORDER BY m.name, elementId(r)
  WITH p, collect({r: r, m: m}) AS all
  RETURN 'REFERENCES' AS type, all[p.offset..p.offset + p.limit] AS rows
  UNION ALL
  UNWIND [p IN $sorted WHERE p.type = 'REPORTS'] AS p
  CALL (n) {
    WITH n WHERE $direction <> 'in' MATCH (n)-[r:REPORTS]->(m) RETURN r, m
    UNION ALL
    WITH n WHERE $direction <> 'out' MATCH (n)<-[r:REPORTS]-(m) RETURN r, m
  }
  WITH p, r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
  ORDER BY m.name, elementId(r)
  WITH p, collect({r: r, m: m}) AS all
  RETURN 'REPORTS' AS type, all[p.offset..p.offset + p.limit] AS rows
  UNION ALL
  UNWIND [p IN $sorted WHERE p.type = 'RESPONSIBLE_FOR'] AS p
  CALL (n) {
    WITH n WHERE $direction <> 'in' MATCH (n)-[r:RESPONSIBLE_FOR]->(m) RETURN r, m
    UNION ALL
    WITH n WHERE $direction <> 'out' MATCH (n)<-[r:RESPONSIBLE_FOR]-(m) RETURN r, m
  }
  WITH p, r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
  ORDER BY m.name, elementId(r)
  WITH p, collect({r: r, m: m}) AS all
  RETURN 'RESPONSIBLE_FOR' AS type, all[p.offset..p.offset + p.limit] AS rows
  UNION ALL
  UNWIND [p IN $sorted WHERE p.type = 'SETS_TARGET'] AS p
  CALL (n) {
    WITH n WHERE $direction <> 'in' MATCH (n)-[r:SETS_TARGET]->(m) RETURN r, m
    UNION ALL
    WITH n WHERE $direction <> 'out' MATCH (n)<-[r:SETS_TARGET]-(m) RETURN r, m
  }
  WITH p, r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
  ORDER BY m.name, elementId(r)
  WITH p, collect({r: r, m: m}) AS all
  RETURN 'SETS_TARGET' AS type, all[p.offset..p.offset + p.limit] AS rows
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
