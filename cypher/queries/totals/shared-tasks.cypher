// title: Totals of shared-tasks
// description: How many agencies share at least one task with the agency, and how many tasks it holds
//   (directly or through a group), for "50 of 312 agencies".
// params: agency
MATCH (a:Entity:Agency {id: $agency})
// As shared-tasks.cypher: the agency's groups once, and no label read on either end of RESPONSIBLE_FOR.
WITH a, COLLECT { MATCH (a)-[:MEMBER_OF]->(g:Agency) RETURN g } AS groups
CALL (a, groups) {
  MATCH (a)-[:RESPONSIBLE_FOR]->(t) RETURN t
  UNION
  UNWIND groups AS g
  MATCH (g)-[:RESPONSIBLE_FOR]->(t) RETURN t
}
WITH a, groups, collect(t) AS mine
CALL (a, groups, mine) {
  UNWIND mine AS t
  MATCH (b)-[:RESPONSIBLE_FOR]->(t)
  WHERE b <> a AND NOT b IN groups
  RETURN count(DISTINCT b) AS agencies
}
RETURN agencies, size(mine) AS tasks
