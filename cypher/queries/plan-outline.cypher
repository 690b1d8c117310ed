// name: plan-outline
// title.zh: 规划提纲
// title.en: Outline of a plan
// description: A plan's sections and numbered tasks in printed order, each with its responsible agencies
//   in printed order (lead / support / responsible).
// param plan: entity(Plan) — the plan's id
// param limit: integer = 500 — at most this many tasks
MATCH (p:Entity:Plan {id: $plan})-[h:HAS_TASK]->(t:Task)
CALL (t) {
  OPTIONAL MATCH (ag:Agency)-[r:RESPONSIBLE_FOR]->(t)
  WITH ag, r ORDER BY r.rank, ag.name
  RETURN collect(ag) AS agencies, collect(r) AS rels
}
RETURN t.section AS section, t.number AS number, t.title AS title,
       [x IN agencies | x.name] AS responsible, [r IN rels | r.role] AS roles,
       p AS plan, h AS hasTask, t AS task, agencies, rels
ORDER BY coalesce(t.order, toInteger(t.number)), t.number
LIMIT $limit
