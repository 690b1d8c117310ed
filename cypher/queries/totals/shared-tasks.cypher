// title: Totals of shared-tasks
// description: How many agencies share at least one task with the agency, and how many tasks it holds
//   (directly or through a group), for "50 of 312 agencies".
// params: agency
MATCH (a:Entity:Agency {id: $agency})
CALL (a) {
  MATCH (a)-[:RESPONSIBLE_FOR]->(t:Task) RETURN t
  UNION
  MATCH (a)-[:MEMBER_OF]->(:Agency)-[:RESPONSIBLE_FOR]->(t:Task) RETURN t
}
WITH a, collect(t) AS mine
CALL (a, mine) {
  UNWIND mine AS t
  MATCH (b:Agency)-[:RESPONSIBLE_FOR]->(t)
  WHERE b <> a AND NOT (a)-[:MEMBER_OF]->(b)
  RETURN count(DISTINCT b) AS agencies
}
RETURN agencies, size(mine) AS tasks
