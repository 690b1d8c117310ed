// name: collaboration
// title.zh: 机构协作网络
// title.en: Collaboration network of agencies
// description.zh: 两两机构共同承担的任务数:同一任务中每一对机构算一次,分为“牵头—配合”“配合—配合”和“共同负责”(未标明牵头或配合、或同为牵头)。可按规划(id 或名称)、年份(规划的年份,0 为全部)和机构的辖区筛选;“按成员计”为真时,群组(如 各县(市)区政府)的任务记在其每个成员名下、群组本身不再单列(没有已知成员的群组照常列出)。按共同任务数排序。
// description.en: How many tasks each pair of agencies shares: every pair named on one task counts once, split into
//   lead–support, support–support and joint (no printed role, or two leads). Filter by plan (id or name), year (the
//   plan's year, 0 for all) and the agencies' jurisdiction; with `members` true a group's tasks (e.g. all county and
//   district governments) count for each of its members instead of the group (a group without known members stays).
//   Ranked by shared tasks.
// param plan: string = '' — a plan id or name; empty for every plan
// param plan.zh: 规划
// param plan.en: Plan
// param year: integer(0..9999) = 0 — the plan's year; 0 for every year
// param year.zh: 年份
// param year.en: Year
// param jurisdiction: string = '' — both agencies belong to this jurisdiction (e.g. 福州市); empty for all
// param jurisdiction.zh: 辖区
// param jurisdiction.en: Jurisdiction
// param members: boolean = true — a group's tasks count for its members instead of the group
// param members.zh: 按成员计
// param members.en: Count groups for their members
// param limit: integer(1..50000) = 5000 — at most this many pairs
// param limit.zh: 最多条数
// param limit.en: At most
MATCH (p:Plan)-[:HAS_TASK]->(t:Task)
WHERE ($plan = '' OR p.id = $plan OR p.name = $plan) AND ($year = 0 OR p.year = $year)
CALL (t) {
  // Named directly; with `members`, a group that has members is replaced by them (below), never counted twice.
  MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(t)
  WHERE NOT ($members AND coalesce(a.group, false) AND EXISTS { (:Agency)-[:MEMBER_OF]->(a) })
  RETURN a, r.role AS role, 0 AS via
  UNION ALL
  MATCH (a:Agency)-[:MEMBER_OF]->(:Agency)-[r:RESPONSIBLE_FOR]->(t)
  WHERE $members
  RETURN a, r.role AS role, 1 AS via
}
// One role per agency and task: the direct one wins over the group's.
WITH t, a, role, via ORDER BY via
WITH t, a, head(collect(role)) AS role
WHERE $jurisdiction = '' OR a.jurisdiction = $jurisdiction
WITH t, collect({a: a, role: role}) AS units
WHERE size(units) > 1
UNWIND units AS x
UNWIND units AS y
WITH t, x, y WHERE x.a.id < y.a.id
WITH x.a AS a, y.a AS b, t,
     CASE WHEN (x.role = 'lead' AND y.role = 'support') OR (x.role = 'support' AND y.role = 'lead') THEN 'leadSupport'
          WHEN x.role = 'support' AND y.role = 'support' THEN 'supportSupport'
          ELSE 'joint' END AS kind
WITH a, b, count(DISTINCT t) AS sharedTasks,
     count(DISTINCT CASE WHEN kind = 'leadSupport' THEN t END) AS leadSupport,
     count(DISTINCT CASE WHEN kind = 'supportSupport' THEN t END) AS supportSupport,
     count(DISTINCT CASE WHEN kind = 'joint' THEN t END) AS joint
ORDER BY sharedTasks DESC, a.name, b.name
LIMIT $limit
// Agencies can be hubs: lean maps, not the stored nodes with their bookkeeping.
RETURN a.name AS nameA, b.name AS nameB, sharedTasks, leadSupport, supportSupport, joint,
       {kind: 'node', elementId: elementId(a), labels: labels(a), properties: a {.id, .name, .aliases, .group, .jurisdiction}} AS a,
       {kind: 'node', elementId: elementId(b), labels: labels(b), properties: b {.id, .name, .aliases, .group, .jurisdiction}} AS b
ORDER BY sharedTasks DESC, nameA, nameB, a.properties.id, b.properties.id
