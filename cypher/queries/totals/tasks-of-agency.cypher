// title: Totals of tasks-of-agency
// description: How many tasks the agency holds directly, only through a group, and in all (a task named
//   both ways counts as direct), so a page of tasks-of-agency can say "50 of 10,213". Counted on task
//   nodes alone, without the plan lookup and sort the page needs.
// params: agency
MATCH (a:Entity:Agency {id: $agency})
CALL (a) {
  MATCH (a)-[:RESPONSIBLE_FOR]->(t:Task)
  RETURN t, 0 AS pri
  UNION ALL
  MATCH (a)-[:MEMBER_OF]->(:Agency)-[:RESPONSIBLE_FOR]->(t:Task)
  RETURN t, 1 AS pri
}
WITH t, min(pri) AS best
RETURN count(CASE WHEN best = 0 THEN t END) AS direct, count(CASE WHEN best = 1 THEN t END) AS viaGroup, count(t) AS all
