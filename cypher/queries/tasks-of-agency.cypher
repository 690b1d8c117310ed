// name: tasks-of-agency
// title.zh: 机构负责的任务
// title.en: Tasks of an agency
// description.zh: 机构负责的全部任务,包括直接负责的和作为群组成员(例如 各县(市)区政府)承担的,按规划、原文顺序和任务编号排序,分页显示。“经由”一栏为“直接”或群组名称;两种方式都列出的任务算作直接。结果中的合计统计全部任务(直接、经由群组、总数)。
// description.en: Every task the agency is responsible for, directly or as a member of a group (e.g. all county and district governments),
//   one page at a time, ordered by plan, printed order and task id. `via` is 'direct' or the group's name;
//   a task named both ways counts as direct. The answer's `totals` (direct, viaGroup, all) count every task.
// param agency: entity(Agency) — the agency's id
// param agency.zh: 机构
// param agency.en: Agency
// param limit: integer(1..500) = 50 — page size: at most this many tasks
// param limit.zh: 每页条数
// param limit.en: Rows per page
// param offset: integer(0..1000000) = 0 — tasks to skip, for the next pages
// param offset.zh: 跳过条数
// param offset.en: Rows to skip
MATCH (a:Entity:Agency {id: $agency})
USING INDEX SEEK a:Entity(id)
// The page comes out of the range index on RESPONSIBLE_FOR.pageKey (agency id, a tab, then plan, order,
// number, task id; server/graph/writer/page-key.ts) in key order: at most offset + limit entries per
// source (the agency and each of its groups), whatever the number of tasks, instead of sorting them all.
// A source's first offset + limit distinct tasks hold every task of the merged page that it gives.
// The seeks are hinted (USING INDEX SEEK): the planner's choice rests on sampled statistics, and on a small
// graph whose statistics were stale it planned a scan of the whole page-key index for the groups' branch and a
// label scan for the agency (the test suite, under load); a page's cost must not depend on when the sampler ran.
CALL (a) {
  MATCH ()-[r:RESPONSIBLE_FOR]->(t:Task)
  USING INDEX SEEK r:RESPONSIBLE_FOR(pageKey)
  WHERE r.pageKey STARTS WITH a.id + '\t'
  // Ordered by the indexed property itself, so the index provides the order and LIMIT stops the seek.
  WITH t, r.pageKey AS pageKey
  ORDER BY pageKey
  WITH DISTINCT t, pageKey
  LIMIT $offset + $limit
  RETURN t, substring(pageKey, size(a.id) + 1) AS key, 0 AS pri, null AS g
  UNION ALL
  MATCH (a)-[:MEMBER_OF]->(g:Agency)
  CALL (g) {
    MATCH ()-[r:RESPONSIBLE_FOR]->(t:Task)
    USING INDEX SEEK r:RESPONSIBLE_FOR(pageKey)
    WHERE r.pageKey STARTS WITH g.id + '\t'
    WITH t, r.pageKey AS pageKey
    ORDER BY pageKey
    WITH DISTINCT t, pageKey
    LIMIT $offset + $limit
    RETURN t, substring(pageKey, size(g.id) + 1) AS key
  }
  RETURN t, key, 1 AS pri, g
}
WITH a, t, key, min(pri) AS best, collect(g) AS groups
ORDER BY key
SKIP $offset
LIMIT $limit
WITH a, t, key, CASE WHEN best = 0 THEN null ELSE groups[0] END AS grp
// Only the page's rows fetch relationships. A task named both directly and through a group counts as direct.
CALL (a, t, grp) {
  MATCH (a)-[r:RESPONSIBLE_FOR]->(t)
  WHERE grp IS NULL
  RETURN r
  UNION ALL
  MATCH (grp)-[r:RESPONSIBLE_FOR]->(t)
  RETURN r
}
WITH a, t, key, grp, collect(r) AS rels
// The plan and its HAS_TASK in one expansion from the task (the task's side is small; the plan is a hub).
OPTIONAL MATCH (p:Plan)-[h:HAS_TASK]->(t)
OPTIONAL MATCH (a)-[m:MEMBER_OF]->(grp)
// A row carries what the table and the canvas show, no more (full elements are one GET /api/nodes/:id away):
// names and ids to show and link, a task's number for its caption, an agency's aliases (a form may name it
// by one) and group flag (drawn apart), a plan's year for the year filter, a responsibility's role. No
// evidence: the edge inspector fetches it; an evidence summary would read the relationship's lists, and the
// membership of a hub group holds one entry per document (1,813 on the 2,000-document graph).
RETURN p.name AS plan, t.number AS number, t.title AS title,
       CASE WHEN grp IS NULL THEN 'direct' ELSE grp.name END AS via, grp.name AS viaGroup,
       [r IN rels | r.role] AS roles, [r IN rels | r.rank] AS ranks,
       {kind: 'node', elementId: elementId(a), labels: labels(a), properties: a {.id, .name, .aliases, .group}} AS agency,
       {kind: 'node', elementId: elementId(t), labels: labels(t), properties: t {.id, .name, .number}} AS task,
       [r IN rels | {kind: 'relationship', elementId: elementId(r), type: 'RESPONSIBLE_FOR', startElementId: elementId(startNode(r)),
                     endElementId: elementId(t), properties: r {.role, .rank}}] AS rels,
       CASE WHEN grp IS NOT NULL THEN {kind: 'node', elementId: elementId(grp), labels: labels(grp), properties: grp {.id, .name, .aliases, .group}} END AS `group`,
       CASE WHEN m IS NOT NULL THEN {kind: 'relationship', elementId: elementId(m), type: 'MEMBER_OF', startElementId: elementId(a),
                                     endElementId: elementId(grp), properties: {}} END AS membership,
       CASE WHEN p IS NOT NULL THEN {kind: 'node', elementId: elementId(p), labels: labels(p), properties: p {.id, .name, .year, .issued}} END AS planNode,
       CASE WHEN h IS NOT NULL THEN {kind: 'relationship', elementId: elementId(h), type: 'HAS_TASK', startElementId: elementId(p),
                                     endElementId: elementId(t), properties: {}} END AS hasTask
ORDER BY key
