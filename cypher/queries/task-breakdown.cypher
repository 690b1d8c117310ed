// name: task-breakdown
// title.zh: 重点任务分工表
// title.en: Task-breakdown table of a plan
// description.zh: 规划的重点任务分工表:各任务按原文顺序,列出所属部分、任务标题和责任单位;责任单位按原文列出的顺序,
//   附角色(牵头/配合/负责)和原文写法,以及任务在原文中的位置。分页显示。结果中的合计统计规划的任务数。
// description.en: The plan's task-breakdown table: its tasks in printed order with their section, title and
//   responsible units in the order the source lists them, each with its role (lead / support / responsible) and
//   the name as printed, and where the task stands in the source text. One page at a time; the answer's
//   `totals` count the plan's tasks.
// param plan: entity(Plan) — the plan's id
// param plan.zh: 规划
// param plan.en: Plan
// param limit: integer(1..2000) = 1000 — page size: at most this many tasks
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
  WITH ag, r ORDER BY r.rank, ag.name
  // The name as printed is the evidence span of the responsibility in the task's own document.
  RETURN collect(CASE WHEN ag IS NOT NULL THEN {
    id: ag.id, name: ag.name, group: coalesce(ag.group, false), role: r.role, rank: r.rank,
    printed: coalesce(head([i IN range(0, size(coalesce(r.evidenceDocs, [])) - 1) WHERE r.evidenceDocs[i] = t.document | r.evidenceTexts[i]]), ag.name),
    end: head([i IN range(0, size(coalesce(r.evidenceDocs, [])) - 1) WHERE r.evidenceDocs[i] = t.document | r.evidenceEnds[i]])
  } END) AS units
}
RETURN t.id AS taskId, t.section AS section, coalesce(t.path, t.number) AS number, t.title AS title, t.text AS text, units,
       {document: coalesce(h.evidenceDocs[0], t.document), start: h.evidenceStarts[0], end: h.evidenceEnds[0]} AS evidence,
       p.id AS planId, p.name AS plan
ORDER BY coalesce(t.order, toInteger(t.number)), t.number, t.id
