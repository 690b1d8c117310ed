// name: plan-lineage
// title.zh: 规划的沿袭关系
// title.en: Lineage of a plan
// description: The plans this plan implements or references (upstream) and the plans that implement or
//   reference it (downstream), following IMPLEMENTS / REFERENCES chains up to six steps.
// param plan: entity(Plan) — the plan's id
// param limit: integer(1..1000) = 200 — at most this many rows
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
                                    endElementId: elementId(endNode(r)), properties: {}, evidence: {count: size(r.evidenceDocs), documents: size(r.documents)}}] AS links
ORDER BY direction DESC, distance, plan
