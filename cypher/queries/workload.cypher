// name: workload
// title.zh: 机构工作量
// title.en: Workload of agencies
// description.zh: 每个机构在每个规划中承担的任务数:牵头、配合、负责(未标明牵头或配合)以及经由所属群组(MEMBER_OF,如 各县(市)区政府)承担的任务;同一任务直接列出的算直接。可按规划(id 或名称)、年份(规划的年份,0 为全部)和机构的辖区筛选。按合计排序。
// description.en: Tasks each agency carries in each plan: led, supported, responsible (no printed role) and inherited
//   through a group it is a member of (MEMBER_OF, e.g. all county and district governments); a task that also names
//   the agency directly counts as direct. Filter by plan (id or name), year (the plan's year, 0 for all) and the
//   agency's jurisdiction. Ranked by total.
// param plan: string = '' — a plan id or name; empty for every plan
// param plan.zh: 规划
// param plan.en: Plan
// param year: integer(0..9999) = 0 — the plan's year; 0 for every year
// param year.zh: 年份
// param year.en: Year
// param jurisdiction: string = '' — the agency belongs to this jurisdiction (e.g. 福州市); empty for all
// param jurisdiction.zh: 辖区
// param jurisdiction.en: Jurisdiction
// param limit: integer(1..100000) = 10000 — at most this many rows (agency × plan)
// param limit.zh: 最多条数
// param limit.en: At most
MATCH (p:Plan)-[:HAS_TASK]->(t:Task)
WHERE ($plan = '' OR p.id = $plan OR p.name = $plan) AND ($year = 0 OR p.year = $year)
CALL (t) {
  MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(t)
  RETURN a, r.role AS role, 0 AS via
  UNION ALL
  MATCH (a:Agency)-[:MEMBER_OF]->(:Agency)-[r:RESPONSIBLE_FOR]->(t)
  RETURN a, r.role AS role, 1 AS via
}
WITH p, t, a, role, via
WHERE $jurisdiction = '' OR a.jurisdiction = $jurisdiction
// One way per agency and task: direct before inherited, and lead before responsible before support.
ORDER BY via, CASE role WHEN 'lead' THEN 0 WHEN 'responsible' THEN 1 ELSE 2 END
WITH p, t, a, head(collect([via, role])) AS how
WITH p, a,
     sum(CASE WHEN how[0] = 0 AND how[1] = 'lead' THEN 1 ELSE 0 END) AS led,
     sum(CASE WHEN how[0] = 0 AND how[1] = 'support' THEN 1 ELSE 0 END) AS supported,
     sum(CASE WHEN how[0] = 0 AND NOT how[1] IN ['lead', 'support'] THEN 1 ELSE 0 END) AS responsible,
     sum(how[0]) AS inherited
WITH p, a, led, supported, responsible, inherited, led + supported + responsible + inherited AS total
ORDER BY total DESC, a.name, p.name
LIMIT $limit
// The agency and plan are hubs: lean maps, not the stored nodes with their bookkeeping.
RETURN a.name AS agency, p.name AS plan, p.year AS year, led, supported, responsible, inherited, total,
       {kind: 'node', elementId: elementId(a), labels: labels(a), properties: a {.id, .name, .aliases, .group, .jurisdiction}} AS agencyNode,
       {kind: 'node', elementId: elementId(p), labels: labels(p), properties: p {.id, .name, .aliases, .year}} AS planNode
ORDER BY total DESC, agency, plan, agencyNode.properties.id
