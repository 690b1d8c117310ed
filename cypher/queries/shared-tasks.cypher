// name: shared-tasks
// title.zh: 共同承担任务的机构
// title.en: Agencies sharing tasks with an agency
// description: Agencies named on the same tasks as this agency (its own tasks and those it holds through a
//   group), ranked by how many tasks they share. Groups the agency belongs to are left out.
// param agency: entity(Agency) — the agency's id
// param limit: integer = 50 — at most this many agencies
MATCH (a:Entity:Agency {id: $agency})
CALL (a) {
  MATCH (a)-[:RESPONSIBLE_FOR]->(t:Task) RETURN t
  UNION
  MATCH (a)-[:MEMBER_OF]->(:Agency)-[:RESPONSIBLE_FOR]->(t:Task) RETURN t
}
WITH a, collect(DISTINCT t) AS mine
UNWIND mine AS t
MATCH (b:Agency)-[r:RESPONSIBLE_FOR]->(t)
WHERE b <> a AND NOT (a)-[:MEMBER_OF]->(b)
WITH a, b, collect(DISTINCT t) AS shared, collect(r) AS rels
RETURN b.name AS agency, size(shared) AS sharedTasks, [t IN shared | t.title][..10] AS examples, coalesce(b.group, false) AS isGroup,
       b AS other, shared AS tasks, rels
ORDER BY sharedTasks DESC, agency
LIMIT $limit
