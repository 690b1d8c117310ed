// title: Tasks two agencies share
// description: The tasks both agencies are named on, under the collaboration network's filters (plan id or
//   name, the plan's year, members: a group's tasks count for its members), in plan and print order, each with
//   the role and way (direct or the group's name) of either agency and the evidence span of either naming.
// params: a, b, plan, year, members, limit
MATCH (p:Plan)-[:HAS_TASK]->(t:Task)
WHERE ($plan = '' OR p.id = $plan OR p.name = $plan) AND ($year = 0 OR p.year = $year)
CALL (t) {
  MATCH (x:Agency)-[r:RESPONSIBLE_FOR]->(t)
  WHERE x.id IN [$a, $b]
  RETURN x, r, null AS g, 0 AS via
  UNION ALL
  MATCH (x:Agency)-[:MEMBER_OF]->(g:Agency)-[r:RESPONSIBLE_FOR]->(t)
  WHERE $members AND x.id IN [$a, $b]
  RETURN x, r, g, 1 AS via
}
WITH p, t, x, r, g, via ORDER BY via
WITH p, t, x, head(collect({role: r.role, via: g.name, document: r.evidenceDocs[0], start: r.evidenceStarts[0], end: r.evidenceEnds[0], text: r.evidenceTexts[0]})) AS how
WITH p, t, collect(x.id) AS ids, collect(how) AS hows
WHERE $a IN ids AND $b IN ids
WITH p, t, [i IN range(0, size(ids) - 1) WHERE ids[i] = $a | hows[i]][0] AS sideA, [i IN range(0, size(ids) - 1) WHERE ids[i] = $b | hows[i]][0] AS sideB
ORDER BY p.name, coalesce(t.order, toInteger(t.number)), t.number, t.id
LIMIT $limit
RETURN t.id AS id, t.number AS number, t.title AS title, t.section AS section, p.id AS planId, p.name AS plan, p.year AS year,
       sideA, sideB
