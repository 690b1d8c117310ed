// title: Tasks two agencies share
// description: The tasks both agencies are named on, under the collaboration network's filters (plan id or
//   name, the plan's year, members: a group's tasks count for its members), in plan and print order, each with
//   the role and way (direct or the group's name) of either agency and the evidence span of either naming.
//   Starts from the two agencies (not from every task), so a pair on a large archive costs its own tasks only.
// params: a, b, plan, year, members, limit
MATCH (x:Agency) WHERE x.id IN [$a, $b]
CALL (x) {
  MATCH (x)-[r:RESPONSIBLE_FOR]->(t:Task)
  RETURN t, r, null AS g, 0 AS via
  UNION ALL
  MATCH (x)-[:MEMBER_OF]->(g:Agency)-[r:RESPONSIBLE_FOR]->(t:Task)
  WHERE $members
  RETURN t, r, g, 1 AS via
}
WITH x, t, r, g, via ORDER BY via
WITH t, x, head(collect({role: r.role, via: g.name, document: r.evidenceDocs[0], start: r.evidenceStarts[0], end: r.evidenceEnds[0], text: r.evidenceTexts[0]})) AS how
WITH t, collect(x.id) AS ids, collect(how) AS hows
WHERE $a IN ids AND $b IN ids
MATCH (p:Plan)-[:HAS_TASK]->(t)
WHERE ($plan = '' OR p.id = $plan OR p.name = $plan) AND ($year = 0 OR p.year = $year)
WITH p, t, [i IN range(0, size(ids) - 1) WHERE ids[i] = $a | hows[i]][0] AS sideA, [i IN range(0, size(ids) - 1) WHERE ids[i] = $b | hows[i]][0] AS sideB
ORDER BY p.name, coalesce(t.order, toInteger(t.number)), t.number, t.id
LIMIT $limit
RETURN t.id AS id, t.number AS number, t.title AS title, t.section AS section, p.id AS planId, p.name AS plan, p.year AS year,
       sideA, sideB
