// name: plan-touches
// title.zh: 规划涉及的园区、平台、企业与机构
// title.en: What a plan touches
// description.zh: 规划的任务所提及的园区、平台、企业,以及负责这些任务的机构(两步:规划 → 任务 → 实体),每个实体列出涉及它的任务数(最多列出十项),按任务数从多到少排列,分页显示。结果中的合计按类别统计全部涉及的实体。
// description.en: The parks, platforms and companies a plan's tasks mention and the agencies responsible for
//   them (two hops: plan → task → entity), each with how many of the plan's tasks touch it (and up to ten of
//   them), most-touched first, one page at a time. The answer's `totals` count everything touched, by kind.
// param plan: entity(Plan) — the plan's id
// param plan.zh: 规划
// param plan.en: Plan
// param limit: integer(1..1000) = 200 — page size: at most this many entities
// param limit.zh: 每页条数
// param limit.en: Rows per page
// param offset: integer(0..100000) = 0 — entities to skip, for the next pages
// param offset.zh: 跳过条数
// param offset.en: Rows to skip
MATCH (p:Entity:Plan {id: $plan})
CALL (p) {
  MATCH (p)-[:HAS_TASK]->(t:Task)-[r:MENTIONS]->(x:Entity)
  WHERE x:Park OR x:Platform OR x:Company
  RETURN x, t, r
  UNION ALL
  MATCH (p)-[:HAS_TASK]->(t:Task)<-[r:RESPONSIBLE_FOR]-(x:Entity:Agency)
  RETURN x, t, r
}
WITH p, x, [l IN labels(x) WHERE l <> 'Entity'][0] AS kind, count(DISTINCT t) AS taskCount
ORDER BY taskCount DESC, CASE kind WHEN 'Park' THEN 0 WHEN 'Platform' THEN 1 WHEN 'Company' THEN 2 ELSE 3 END, x.name, x.id
SKIP $offset
LIMIT $limit
// Only the page's rows fetch their tasks and links: an agency may answer for hundreds of a plan's tasks.
CALL (p, x) {
  MATCH (p)-[h:HAS_TASK]->(t:Task)
  WHERE (t)-[:MENTIONS]->(x) OR (x)-[:RESPONSIBLE_FOR]->(t)
  WITH h, t ORDER BY coalesce(t.order, toInteger(t.number)), t.number, t.id
  LIMIT 10
  OPTIONAL MATCH (t)-[m:MENTIONS]->(x)
  OPTIONAL MATCH (x)-[rf:RESPONSIBLE_FOR]->(t)
  RETURN collect(t) AS tasks, collect(h) AS hasTask, collect(m) + collect(rf) AS touches
}
// The plan and the entities are hubs whose bookkeeping grows with the corpus: lean maps, as in plan-outline.
RETURN kind, x.name AS name, taskCount, [t IN tasks | coalesce(t.number + '、', '') + t.title] AS taskTitles,
       {kind: 'node', elementId: elementId(x), labels: labels(x), properties: x {.id, .name, .aliases, .group}} AS entity,
       {kind: 'node', elementId: elementId(p), labels: labels(p), properties: p {.id, .name, .aliases, .year, .issued, .document}} AS planNode,
       tasks, hasTask, touches
ORDER BY taskCount DESC, CASE kind WHEN 'Park' THEN 0 WHEN 'Platform' THEN 1 WHEN 'Company' THEN 2 ELSE 3 END, name, entity.properties.id
