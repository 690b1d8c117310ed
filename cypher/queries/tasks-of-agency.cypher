// name: tasks-of-agency
// title.zh: 机构负责的任务
// title.en: Tasks of an agency
// description: Every task the agency is responsible for, directly or as a member of a group (e.g. 各县(市)区政府).
//   `via` is 'direct' or the group's name; a task named both ways counts as direct.
// param agency: entity(Agency) — the agency's id
// param limit: integer = 200 — at most this many rows
MATCH (a:Entity:Agency {id: $agency})
CALL (a) {
  MATCH (a)-[r:RESPONSIBLE_FOR]->(t:Task)
  RETURN t, 'direct' AS via, collect(r) AS rels, null AS grp, null AS membership
  UNION ALL
  MATCH (a)-[m:MEMBER_OF]->(g:Agency)-[r:RESPONSIBLE_FOR]->(t:Task)
  WHERE NOT (a)-[:RESPONSIBLE_FOR]->(t)
  RETURN t, g.name AS via, collect(r) AS rels, g AS grp, m AS membership
}
OPTIONAL MATCH (p:Plan)-[h:HAS_TASK]->(t)
RETURN p.name AS plan, t.number AS number, t.title AS title, via, grp.name AS viaGroup,
       [r IN rels | r.role] AS roles, [r IN rels | r.rank] AS ranks,
       a AS agency, t AS task, rels, grp AS `group`, membership, p AS planNode, h AS hasTask
ORDER BY plan, coalesce(t.order, toInteger(t.number)), t.number
LIMIT $limit
