// name: agency-breakdown
// title.zh: 机构的任务分工
// title.en: Task breakdown of an agency
// description.zh: 一个机构在全部规划中的分工:它直接负责或作为群组成员(例如 各县(市)区政府)承担的任务,按规划年份、规划和
//   原文顺序排列,列出它的角色(牵头/配合/负责)、原文写法和该任务的全部责任单位(按原文顺序)。两种方式都列出的任务算作直接。
//   分页显示。结果中的合计统计全部任务。
// description.en: One agency's breakdown across all plans: the tasks it is responsible for directly or as a member of a
//   group (e.g. all county and district governments), ordered by plan year, plan and printed order, with its role
//   (lead / support / responsible), its name as printed and every unit of the task in printed order. A task named
//   both ways counts as direct. One page at a time; the answer's `totals` count every task.
// param agency: entity(Agency) — the agency's id
// param agency.zh: 机构
// param agency.en: Agency
// param limit: integer(1..2000) = 1000 — page size: at most this many tasks
// param limit.zh: 每页条数
// param limit.en: Rows per page
// param offset: integer(0..1000000) = 0 — tasks to skip, for the next pages
// param offset.zh: 跳过条数
// param offset.en: Rows to skip
MATCH (a:Entity:Agency {id: $agency})
CALL (a) {
  MATCH (a)-[:RESPONSIBLE_FOR]->(t:Task)
  RETURN t, 0 AS pri, null AS g
  UNION ALL
  MATCH (a)-[:MEMBER_OF]->(g:Agency)-[:RESPONSIBLE_FOR]->(t:Task)
  RETURN t, 1 AS pri, g
}
WITH a, t, min(pri) AS best, collect(g) AS groups
OPTIONAL MATCH (p:Plan)-[h:HAS_TASK]->(t)
WITH a, t, p, h, CASE WHEN best = 0 THEN null ELSE groups[0] END AS grp
ORDER BY coalesce(p.year, 9999), p.name, coalesce(t.order, toInteger(t.number)), t.number, t.id
SKIP $offset
LIMIT $limit
CALL (t) {
  OPTIONAL MATCH (ag:Agency)-[r:RESPONSIBLE_FOR]->(t)
  WITH ag, r ORDER BY r.rank, ag.name
  RETURN collect(CASE WHEN ag IS NOT NULL THEN {
    id: ag.id, name: ag.name, group: coalesce(ag.group, false), role: r.role, rank: r.rank,
    printed: coalesce(head([i IN range(0, size(coalesce(r.evidenceDocs, [])) - 1) WHERE r.evidenceDocs[i] = t.document | r.evidenceTexts[i]]), ag.name),
    end: head([i IN range(0, size(coalesce(r.evidenceDocs, [])) - 1) WHERE r.evidenceDocs[i] = t.document | r.evidenceEnds[i]])
  } END) AS units
}
RETURN p.id AS planId, p.name AS plan, p.year AS year, t.id AS taskId, t.section AS section, coalesce(t.path, t.number) AS number,
       t.title AS title, t.text AS text, CASE WHEN grp IS NULL THEN 'direct' ELSE grp.name END AS via,
       a.id AS agencyId, a.name AS agency, units,
       {document: coalesce(h.evidenceDocs[0], t.document), start: h.evidenceStarts[0], end: h.evidenceEnds[0]} AS evidence
ORDER BY coalesce(year, 9999), plan, coalesce(t.order, toInteger(t.number)), t.number, taskId
