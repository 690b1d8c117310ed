// name: tasks-of-agency
// title.zh: 机构负责的任务
// title.en: Tasks of an agency
// description: Every task the agency is responsible for, directly or as a member of a group (e.g. 各县(市)区政府).
//   `via` is 'direct' or the group's name; a task named both ways counts as direct.
// param agency: entity(Agency) — the agency's id
// param limit: integer = 200 — at most this many rows
MATCH (a:Entity:Agency {id: $agency})
// Sort and cut on light values first (task, plan, which way), and fetch the relationships — which carry
// evidence lists — only for the rows returned: a busy agency has thousands of tasks in a city's archive.
CALL (a) {
  MATCH (a)-[:RESPONSIBLE_FOR]->(t:Task)
  RETURN t, 0 AS pri, null AS g
  UNION ALL
  MATCH (a)-[:MEMBER_OF]->(g:Agency)-[:RESPONSIBLE_FOR]->(t:Task)
  RETURN t, 1 AS pri, g
}
WITH a, t, min(pri) AS best, collect(g) AS groups
OPTIONAL MATCH (p:Plan)-[:HAS_TASK]->(t)
WITH a, t, p, CASE WHEN best = 0 THEN null ELSE groups[0] END AS grp
ORDER BY p.name, coalesce(t.order, toInteger(t.number)), t.number
LIMIT $limit
// A task named both directly and through a group counts as direct.
CALL (a, t, grp) {
  MATCH (a)-[r:RESPONSIBLE_FOR]->(t)
  WHERE grp IS NULL
  RETURN r, null AS m
  UNION ALL
  MATCH (a)-[m:MEMBER_OF]->(grp)-[r:RESPONSIBLE_FOR]->(t)
  RETURN r, m
}
WITH a, t, p, grp, collect(r) AS rels, head(collect(m)) AS membership
OPTIONAL MATCH (p)-[h:HAS_TASK]->(t)
RETURN p.name AS plan, t.number AS number, t.title AS title,
       CASE WHEN grp IS NULL THEN 'direct' ELSE grp.name END AS via, grp.name AS viaGroup,
       [r IN rels | r.role] AS roles, [r IN rels | r.rank] AS ranks,
       a AS agency, t AS task, rels, grp AS `group`, membership, p AS planNode, h AS hasTask
ORDER BY plan, coalesce(t.order, toInteger(t.number)), t.number
