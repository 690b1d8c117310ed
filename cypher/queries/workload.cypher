// name: workload
// title.zh: 机构工作量
// title.en: Workload of agencies
// description.zh: 每个机构在每个规划中承担的任务数:牵头、配合、负责(未标明牵头或配合)以及经由所属群组(如 各县(市)区政府)承担的任务;同一任务直接列出的算直接。可按规划(id 或名称)、年份(规划的年份,0 为全部)和机构的辖区筛选。按合计排序。
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
MATCH (x:Agency)-[r:RESPONSIBLE_FOR]->(t)
// The agency named, and each member of it when it is a group (via = 1).
OPTIONAL MATCH (m:Agency)-[:MEMBER_OF]->(x)
WITH p, t, x, r.role AS role, collect(m) AS members
UNWIND [[x, 0]] + [mm IN members | [mm, 1]] AS named
WITH p, t, named[0] AS a, named[1] AS via, role
WHERE $jurisdiction = '' OR a.jurisdiction = $jurisdiction
// One way per agency and task: direct before inherited, and lead before responsible before support.
WITH p, t, a, min(via) AS via, collect(CASE WHEN via = 0 THEN role END) AS direct
WITH p, a,
     sum(CASE WHEN via = 0 AND 'lead' IN direct THEN 1 ELSE 0 END) AS led,
     sum(CASE WHEN via = 0 AND NOT 'lead' IN direct AND 'responsible' IN direct THEN 1 ELSE 0 END) AS responsible,
     sum(CASE WHEN via = 0 AND NOT 'lead' IN direct AND NOT 'responsible' IN direct AND 'support' IN direct THEN 1 ELSE 0 END) AS supported,
     sum(via) AS inherited
WITH p, a, led, supported, responsible, inherited, led + supported + responsible + inherited AS total
ORDER BY total DESC, a.name, p.name
LIMIT $limit
// The agency and plan are hubs: lean maps, not the stored nodes with their bookkeeping.
RETURN a.name AS agency, p.name AS plan, p.year AS year, led, supported, responsible, inherited, total,
       {kind: 'node', elementId: elementId(a), labels: labels(a), properties: a {.id, .name, .aliases, .group, .jurisdiction}} AS agencyNode,
       {kind: 'node', elementId: elementId(p), labels: labels(p), properties: p {.id, .name, .aliases, .year}} AS planNode
ORDER BY total DESC, agency, plan, agencyNode.properties.id
