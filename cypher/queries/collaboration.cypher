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
MATCH (x:Agency)-[r:RESPONSIBLE_FOR]->(t)
// With `members`, a group that has members is replaced by each of them; any other agency stands for itself.
OPTIONAL MATCH (m:Agency)-[:MEMBER_OF]->(x) WHERE $members
WITH t, coalesce(m, x) AS a, r.role AS role, m IS NOT NULL AS via
WHERE $jurisdiction = '' OR a.jurisdiction = $jurisdiction
// One role per agency and task: a direct naming's wins over the group's, and of several the strongest —
// lead, then responsible, then support (so the answer does not depend on the order relationships are read in).
WITH t, a, collect(CASE WHEN via THEN null ELSE role END) AS direct, collect(role) AS any
WITH t, a, CASE WHEN size(direct) > 0 THEN direct ELSE any END AS roles
WITH t, a, CASE WHEN 'lead' IN roles THEN 'lead' WHEN 'responsible' IN roles THEN 'responsible' WHEN 'support' IN roles THEN 'support' ELSE roles[0] END AS role
// Pairs are counted on element ids and roles only (no property reads per pair): 75k tasks give ~800k pairs.
WITH t, collect([elementId(a), role]) AS units
WHERE size(units) > 1
UNWIND range(0, size(units) - 2) AS i
UNWIND range(i + 1, size(units) - 1) AS j
WITH units[i] AS x, units[j] AS y
WITH CASE WHEN x[0] < y[0] THEN x ELSE y END AS x, CASE WHEN x[0] < y[0] THEN y ELSE x END AS y
WITH x[0] AS ea, y[0] AS eb,
     CASE WHEN (x[1] = 'lead' AND y[1] = 'support') OR (x[1] = 'support' AND y[1] = 'lead') THEN 1 ELSE 0 END AS ls,
     CASE WHEN x[1] = 'support' AND y[1] = 'support' THEN 1 ELSE 0 END AS ss
WITH ea, eb, count(*) AS sharedTasks, sum(ls) AS leadSupport, sum(ss) AS supportSupport
ORDER BY sharedTasks DESC, ea, eb
LIMIT $limit
MATCH (a:Agency) WHERE elementId(a) = ea
MATCH (b:Agency) WHERE elementId(b) = eb
// Agencies can be hubs: lean maps, not the stored nodes with their bookkeeping.
RETURN a.name AS nameA, b.name AS nameB, sharedTasks, leadSupport, supportSupport, sharedTasks - leadSupport - supportSupport AS joint,
       {kind: 'node', elementId: elementId(a), labels: labels(a), properties: a {.id, .name, .aliases, .group, .jurisdiction}} AS a,
       {kind: 'node', elementId: elementId(b), labels: labels(b), properties: b {.id, .name, .aliases, .group, .jurisdiction}} AS b
ORDER BY sharedTasks DESC, nameA, nameB, a.properties.id, b.properties.id
