// title: Neighbours of a node through one relationship type (one page)
// description: The node's relationships of type $type (direction and the other end's labels filtered,
//   null = no filter), rows $offset to $offset + $limit of that type in the neighbours order: the other
//   end's name, then the relationship's element id — except an agency's own tasks (RESPONSIBLE_FOR from
//   the node), which come in the order tasks-of-agency uses (plan, printed order, number, task id: the
//   stored RESPONSIBLE_FOR.pageKey). A page of all types is cut into types by
//   server/graph/queries/nodes.ts from the per-type totals (neighbor-totals.cypher), so each type is read
//   alone, in one of two ways ($keyed, chosen there):
//   - keyed (an agency's tasks): the range index responsible_for_page_key hands the agency's
//     relationships out in key order and LIMIT stops the seek after $offset + $limit entries; the
//     relationships sharing the last key (other roles on the same task) are added so ties sort exactly.
//     A page costs the same for an agency with 11 tasks and one with 10,000.
//   - otherwise: expand the type's relationships and sort them (cost: the type's count). One branch per
//     relationship type, so a dense node reads only that type's relationships (Neo4j plans a dynamic
//     type as an expansion of every type, filtered); a unit test holds the list to RELATIONSHIP_TYPES.
//   Elements come back as lean maps (graph-elements.ts): bookkeeping keys ($hiddenNodeKeys,
//   $hiddenRelKeys) are left out on the server, evidence comes back as counts and the first span.
// params: id, type, keyed (boolean), direction ('out'|'in'|'both'), labels (list|null), offset, limit,
//   hiddenNodeKeys (list), hiddenRelKeys (list)
MATCH (n:Entity {id: $id})
CALL (n) {
  WITH n WHERE $keyed
  CALL (n) {
    MATCH ()-[r:RESPONSIBLE_FOR]->(m)
    WHERE r.pageKey STARTS WITH n.id + '\t'
    // Ordered by the indexed property itself, so the index provides the order and LIMIT stops the seek.
    WITH r, m, r.pageKey AS key
    ORDER BY key
    WITH r, key WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
    LIMIT $offset + $limit
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
  RETURN r, endNode(r) AS m, r.pageKey AS key
  UNION
  WITH n WHERE NOT $keyed
  CALL (n) {
    WITH n WHERE $type = 'ADDRESSED_TO' MATCH (n)-[r:ADDRESSED_TO]-(m) RETURN r, m
    UNION ALL
    WITH n WHERE $type = 'DESCRIBES' MATCH (n)-[r:DESCRIBES]-(m) RETURN r, m
    UNION ALL
    WITH n WHERE $type = 'GOVERNS' MATCH (n)-[r:GOVERNS]-(m) RETURN r, m
    UNION ALL
    WITH n WHERE $type = 'HAS_TASK' MATCH (n)-[r:HAS_TASK]-(m) RETURN r, m
    UNION ALL
    WITH n WHERE $type = 'IMPLEMENTS' MATCH (n)-[r:IMPLEMENTS]-(m) RETURN r, m
    UNION ALL
    WITH n WHERE $type = 'ISSUED_BY' MATCH (n)-[r:ISSUED_BY]-(m) RETURN r, m
    UNION ALL
    WITH n WHERE $type = 'LOCATED_IN' MATCH (n)-[r:LOCATED_IN]-(m) RETURN r, m
    UNION ALL
    WITH n WHERE $type = 'MEMBER_OF' MATCH (n)-[r:MEMBER_OF]-(m) RETURN r, m
    UNION ALL
    WITH n WHERE $type = 'MENTIONS' MATCH (n)-[r:MENTIONS]-(m) RETURN r, m
    UNION ALL
    WITH n WHERE $type = 'OF' MATCH (n)-[r:OF]-(m) RETURN r, m
    UNION ALL
    WITH n WHERE $type = 'REFERENCES' MATCH (n)-[r:REFERENCES]-(m) RETURN r, m
    UNION ALL
    WITH n WHERE $type = 'REPORTS' MATCH (n)-[r:REPORTS]-(m) RETURN r, m
    UNION ALL
    WITH n WHERE $type = 'RESPONSIBLE_FOR' MATCH (n)-[r:RESPONSIBLE_FOR]-(m) RETURN r, m
    UNION ALL
    WITH n WHERE $type = 'SETS_TARGET' MATCH (n)-[r:SETS_TARGET]-(m) RETURN r, m
  }
  WITH n, r, m
  WHERE ($direction = 'both' OR ($direction = 'out' AND startNode(r) = n) OR ($direction = 'in' AND endNode(r) = n))
    AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
  RETURN r, m, m.name AS key
}
WITH r, m
ORDER BY key, elementId(r)
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
