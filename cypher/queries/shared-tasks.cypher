// name: shared-tasks
// title.zh: 共同承担任务的机构
// title.en: Agencies sharing tasks with an agency
// description.zh: 与本机构同列于某些任务的其他机构(包括本机构直接承担和经由所属群组承担的任务),按共同任务数排序,分页显示,每个机构最多列出十项示例任务。本机构所属的群组不计入。结果中的合计统计机构数与任务数。
// description.en: Agencies named on the same tasks as this agency (its own tasks and those it holds through a
//   group), ranked by how many tasks they share, one page at a time; each with up to ten example tasks.
//   Groups the agency belongs to are left out. The answer's `totals` count agencies and tasks in all.
// param agency: entity(Agency) — the agency's id
// param agency.zh: 机构
// param agency.en: Agency
// param limit: integer(1..200) = 50 — page size: at most this many agencies
// param limit.zh: 每页条数
// param limit.en: Rows per page
// param offset: integer(0..100000) = 0 — agencies to skip, for the next pages
// param offset.zh: 跳过条数
// param offset.en: Rows to skip
MATCH (a:Entity:Agency {id: $agency})
// The groups the agency belongs to, once: they are left out of the ranking, and a membership test per
// row (an expand-into on the agency for each of 44,000 rows of a hub) cost half the query.
WITH a, COLLECT { MATCH (a)-[:MEMBER_OF]->(g:Agency) RETURN g } AS groups
CALL (a, groups) {
  MATCH (a)-[:RESPONSIBLE_FOR]->(t) RETURN t
  UNION
  UNWIND groups AS g
  MATCH (g)-[:RESPONSIBLE_FOR]->(t) RETURN t
}
// Ordered so the examples are the same on every run; only references are collected.
WITH a, groups, t ORDER BY t.id
// RESPONSIBLE_FOR starts only at agencies and ends only at tasks (extract-document.ts), so neither
// end's label is read. Ranking by shared tasks needs every task of the agency and every agency named
// on them: one pass, counted per agency; everything else is read for the page's agencies only.
MATCH (b)-[:RESPONSIBLE_FOR]->(t)
WHERE b <> a AND NOT b IN groups
WITH b, collect(DISTINCT t) AS shared
WITH b, size(shared) AS sharedTasks, shared[..10] AS tasks
ORDER BY sharedTasks DESC, b.name, b.id
SKIP $offset
LIMIT $limit
CALL (b, tasks) {
  UNWIND tasks AS t
  MATCH (b)-[r:RESPONSIBLE_FOR]->(t)
  RETURN collect(r) AS rels
}
// What the table and the canvas show, no more (full elements are one GET /api/nodes/:id away): b may be a
// hub (a group, a city bureau), so a lean map of its name and group flag, not the stored node with its
// bookkeeping; the example tasks with their number for the caption but without their text (with it a page
// of the hub's 38 agencies was 878 KB); each responsibility with its role, without an evidence summary,
// which would read the relationship's lists (the edge inspector fetches the evidence).
RETURN b.name AS agency, sharedTasks, [t IN tasks | t.title] AS examples, coalesce(b.group, false) AS isGroup,
       {kind: 'node', elementId: elementId(b), labels: labels(b), properties: b {.id, .name, .group}} AS other,
       [t IN tasks | {kind: 'node', elementId: elementId(t), labels: labels(t), properties: t {.id, .name, .number}}] AS tasks,
       [r IN rels | {kind: 'relationship', elementId: elementId(r), type: 'RESPONSIBLE_FOR', startElementId: elementId(b),
                     endElementId: elementId(endNode(r)), properties: r {.role, .rank}}] AS rels
ORDER BY sharedTasks DESC, agency, other.properties.id
