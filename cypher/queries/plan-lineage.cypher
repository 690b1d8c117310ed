// name: plan-lineage
// title.zh: 规划的沿袭关系
// title.en: Lineage of a plan
// description.zh: 本规划落实或引用的规划(上游),以及落实或引用本规划的规划(下游),沿落实/引用关系最多追溯六步。
// description.en: The plans this plan implements or references (upstream) and the plans that implement or
//   reference it (downstream), following IMPLEMENTS / REFERENCES chains up to six steps.
// param plan: entity(Plan) — the plan's id
// param plan.zh: 规划
// param plan.en: Plan
// param limit: integer(1..1000) = 200 — at most this many rows
// param limit.zh: 每页条数
// param limit.en: Rows per page
MATCH (p:Entity:Plan {id: $plan})
CALL (p) {
  MATCH path = (p)-[:IMPLEMENTS|REFERENCES*1..6]->(q:Plan)
  RETURN 'upstream' AS direction, q, path
  UNION
  MATCH path = (q:Plan)-[:IMPLEMENTS|REFERENCES*1..6]->(p)
  RETURN 'downstream' AS direction, q, path
}
WITH direction, q, path
ORDER BY direction DESC, length(path), q.name, q.id
LIMIT $limit
// Plans cited by many documents carry long bookkeeping lists: the path comes back as lean maps.
RETURN direction, q.name AS plan, length(path) AS distance, [r IN relationships(path) | type(r)] AS chain,
       [n IN nodes(path) | {kind: 'node', elementId: elementId(n), labels: labels(n), properties: n {.id, .name, .aliases, .year, .issued, .document}}] AS plans,
       [r IN relationships(path) | {kind: 'relationship', elementId: elementId(r), type: type(r), startElementId: elementId(startNode(r)),
                                    endElementId: elementId(endNode(r)), properties: {}, evidence: {count: r.evidenceCount, documents: r.documentCount}}] AS links
ORDER BY direction DESC, distance, plan
