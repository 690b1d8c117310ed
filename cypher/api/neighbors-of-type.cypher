// title: Neighbours of a node of one relationship type, one page of their ids in the neighbours order
// description: One statement per relationship type (server/graph/queries/nodes.ts picks the statement of
//   the type by the type it names), each the same but for the type: the relationships of that type in
//   the asked direction, with the other end's labels filtered (null = no filter), ordered by the other
//   end's name, then the relationship's element id; rows $offset to $offset + $limit, as element ids
//   (cypher/api/neighbors.cypher reads them as lean maps). A typed pattern per direction is, on a dense
//   node, a read of that type's relationship group and of only the asked direction's chain (the other
//   side is skipped before it is read), so a page costs that type's degree in that direction, never the
//   node's whole degree. The types are spelled out because Neo4j 5.26 plans a dynamic type
//   [r:$(type)] as an expansion of every type, filtered (PROFILE: 37,233 db hits for three small types
//   of the hub), and one statement per type because one statement with a branch per type took seconds
//   to plan, which under 32 cold connections never finished inside the timeout (docs/graph-storage.md,
//   Hub pages). tests/unit/graph/queries/nodes-neighbors-cypher.test.ts holds the statements to
//   RELATIONSHIP_TYPES and to one text.
// params: id, direction ('out'|'in'|'both'), labels (list|null), offset, limit
MATCH (n:Entity {id: $id})
CALL (n) {
  WITH n WHERE $direction <> 'in' MATCH (n)-[r:ADDRESSED_TO]->(m) RETURN r, m
  UNION ALL
  WITH n WHERE $direction <> 'out' MATCH (n)<-[r:ADDRESSED_TO]-(m) RETURN r, m
}
WITH r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
RETURN elementId(r) AS id
ORDER BY m.name, id
SKIP $offset
LIMIT $limit;

MATCH (n:Entity {id: $id})
CALL (n) {
  WITH n WHERE $direction <> 'in' MATCH (n)-[r:DESCRIBES]->(m) RETURN r, m
  UNION ALL
  WITH n WHERE $direction <> 'out' MATCH (n)<-[r:DESCRIBES]-(m) RETURN r, m
}
WITH r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
RETURN elementId(r) AS id
ORDER BY m.name, id
SKIP $offset
LIMIT $limit;

MATCH (n:Entity {id: $id})
CALL (n) {
  WITH n WHERE $direction <> 'in' MATCH (n)-[r:GOVERNS]->(m) RETURN r, m
  UNION ALL
  WITH n WHERE $direction <> 'out' MATCH (n)<-[r:GOVERNS]-(m) RETURN r, m
}
WITH r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
RETURN elementId(r) AS id
ORDER BY m.name, id
SKIP $offset
LIMIT $limit;

MATCH (n:Entity {id: $id})
CALL (n) {
  WITH n WHERE $direction <> 'in' MATCH (n)-[r:HAS_TASK]->(m) RETURN r, m
  UNION ALL
  WITH n WHERE $direction <> 'out' MATCH (n)<-[r:HAS_TASK]-(m) RETURN r, m
}
WITH r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
RETURN elementId(r) AS id
ORDER BY m.name, id
SKIP $offset
LIMIT $limit;

MATCH (n:Entity {id: $id})
CALL (n) {
  WITH n WHERE $direction <> 'in' MATCH (n)-[r:IMPLEMENTS]->(m) RETURN r, m
  UNION ALL
  WITH n WHERE $direction <> 'out' MATCH (n)<-[r:IMPLEMENTS]-(m) RETURN r, m
}
WITH r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
RETURN elementId(r) AS id
ORDER BY m.name, id
SKIP $offset
LIMIT $limit;

MATCH (n:Entity {id: $id})
CALL (n) {
  WITH n WHERE $direction <> 'in' MATCH (n)-[r:ISSUED_BY]->(m) RETURN r, m
  UNION ALL
  WITH n WHERE $direction <> 'out' MATCH (n)<-[r:ISSUED_BY]-(m) RETURN r, m
}
WITH r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
RETURN elementId(r) AS id
ORDER BY m.name, id
SKIP $offset
LIMIT $limit;

MATCH (n:Entity {id: $id})
CALL (n) {
  WITH n WHERE $direction <> 'in' MATCH (n)-[r:LOCATED_IN]->(m) RETURN r, m
  UNION ALL
  WITH n WHERE $direction <> 'out' MATCH (n)<-[r:LOCATED_IN]-(m) RETURN r, m
}
WITH r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
RETURN elementId(r) AS id
ORDER BY m.name, id
SKIP $offset
LIMIT $limit;

MATCH (n:Entity {id: $id})
CALL (n) {
  WITH n WHERE $direction <> 'in' MATCH (n)-[r:MEMBER_OF]->(m) RETURN r, m
  UNION ALL
  WITH n WHERE $direction <> 'out' MATCH (n)<-[r:MEMBER_OF]-(m) RETURN r, m
}
WITH r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
RETURN elementId(r) AS id
ORDER BY m.name, id
SKIP $offset
LIMIT $limit;

MATCH (n:Entity {id: $id})
CALL (n) {
  WITH n WHERE $direction <> 'in' MATCH (n)-[r:MENTIONS]->(m) RETURN r, m
  UNION ALL
  WITH n WHERE $direction <> 'out' MATCH (n)<-[r:MENTIONS]-(m) RETURN r, m
}
WITH r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
RETURN elementId(r) AS id
ORDER BY m.name, id
SKIP $offset
LIMIT $limit;

MATCH (n:Entity {id: $id})
CALL (n) {
  WITH n WHERE $direction <> 'in' MATCH (n)-[r:OF]->(m) RETURN r, m
  UNION ALL
  WITH n WHERE $direction <> 'out' MATCH (n)<-[r:OF]-(m) RETURN r, m
}
WITH r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
RETURN elementId(r) AS id
ORDER BY m.name, id
SKIP $offset
LIMIT $limit;

MATCH (n:Entity {id: $id})
CALL (n) {
  WITH n WHERE $direction <> 'in' MATCH (n)-[r:REFERENCES]->(m) RETURN r, m
  UNION ALL
  WITH n WHERE $direction <> 'out' MATCH (n)<-[r:REFERENCES]-(m) RETURN r, m
}
WITH r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
RETURN elementId(r) AS id
ORDER BY m.name, id
SKIP $offset
LIMIT $limit;

MATCH (n:Entity {id: $id})
CALL (n) {
  WITH n WHERE $direction <> 'in' MATCH (n)-[r:REPORTS]->(m) RETURN r, m
  UNION ALL
  WITH n WHERE $direction <> 'out' MATCH (n)<-[r:REPORTS]-(m) RETURN r, m
}
WITH r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
RETURN elementId(r) AS id
ORDER BY m.name, id
SKIP $offset
LIMIT $limit;

MATCH (n:Entity {id: $id})
CALL (n) {
  WITH n WHERE $direction <> 'in' MATCH (n)-[r:RESPONSIBLE_FOR]->(m) RETURN r, m
  UNION ALL
  WITH n WHERE $direction <> 'out' MATCH (n)<-[r:RESPONSIBLE_FOR]-(m) RETURN r, m
}
WITH r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
RETURN elementId(r) AS id
ORDER BY m.name, id
SKIP $offset
LIMIT $limit;

MATCH (n:Entity {id: $id})
CALL (n) {
  WITH n WHERE $direction <> 'in' MATCH (n)-[r:SETS_TARGET]->(m) RETURN r, m
  UNION ALL
  WITH n WHERE $direction <> 'out' MATCH (n)<-[r:SETS_TARGET]-(m) RETURN r, m
}
WITH r, m WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
RETURN elementId(r) AS id
ORDER BY m.name, id
SKIP $offset
LIMIT $limit;
