// name: plan-outline
// title.zh: 规划提纲
// title.en: Outline of a plan
// description.zh: 规划的章节和编号任务,按原文顺序排列,并按原文顺序列出各任务的责任单位(牵头/配合/负责;同一单位在一项任务中出现两次时只列一次,取较强的角色),分页显示。结果中的合计统计规划的任务数。
// description.en: A plan's sections and numbered tasks in printed order, each with its responsible agencies
//   in printed order (lead / support / responsible; an agency printed twice for one task is listed once, with
//   its strongest role), one page at a time. The answer's `totals` count the plan's tasks.
// param plan: entity(Plan) — the plan's id
// param plan.zh: 规划
// param plan.en: Plan
// param limit: integer(1..1000) = 500 — page size: at most this many tasks
// param limit.zh: 每页条数
// param limit.en: Rows per page
// param offset: integer(0..100000) = 0 — tasks to skip, for the next pages
// param offset.zh: 跳过条数
// param offset.en: Rows to skip
MATCH (p:Entity:Plan {id: $plan})-[h:HAS_TASK]->(t:Task)
WITH p, h, t
ORDER BY coalesce(t.order, toInteger(t.number)), t.number, t.id
SKIP $offset
LIMIT $limit
CALL (t) {
  OPTIONAL MATCH (ag:Agency)-[r:RESPONSIBLE_FOR]->(t)
  // A unit printed in two lists of one task (a table's 责任单位 and 牵头单位 columns) is one entry, at its
  // first printed place, with its strongest role; the graph keeps both relationships.
  WITH ag, collect(r) AS rs, min(r.rank) AS first
  ORDER BY first, ag.name
  RETURN collect(ag) AS agencies,
         collect(coalesce(head([role IN ['lead', 'responsible', 'support'] WHERE role IN [r IN rs | r.role]]), rs[0].role)) AS roles,
         reduce(all = [], x IN collect(rs) | all + x) AS rels
}
// Agencies (and the plan) are hubs whose stored bookkeeping grows with the corpus: lean maps, once per row.
RETURN t.section AS section, t.number AS number, t.title AS title,
       [x IN agencies | x.name] AS responsible, roles,
       {kind: 'node', elementId: elementId(p), labels: labels(p), properties: p {.id, .name, .aliases, .year, .issued, .document}} AS plan,
       h AS hasTask, t AS task,
       [x IN agencies | {kind: 'node', elementId: elementId(x), labels: labels(x), properties: x {.id, .name, .aliases, .group}}] AS agencies,
       rels
ORDER BY coalesce(t.order, toInteger(t.number)), t.number, task.id
