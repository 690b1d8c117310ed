// title: Totals of tasks-of-agency
// description: How many tasks the agency holds directly, only through a group, and in all (a task named
//   both ways counts as direct), so a page of tasks-of-agency can say "50 of 10,213". Exact, so it
//   reads every task relationship of the agency and its groups once; what it leaves out is every
//   other read: RESPONSIBLE_FOR ends only at Tasks (extract-document.ts), so the other end's label is
//   not checked, and tasks are told apart by their node, so no property is read. The degree store
//   would answer in one look-up but counts relationships, not tasks: an agency named twice on one task
//   (two roles) holds it once (the 2,000-document graph has 61 such for its busiest agency), and a
//   task named both directly and through a group must count once, as direct.
// params: agency
MATCH (a:Entity:Agency {id: $agency})
CALL (a) {
  MATCH (a)-[:RESPONSIBLE_FOR]->(t)
  RETURN t, 0 AS pri
  UNION ALL
  MATCH (a)-[:MEMBER_OF]->(:Agency)-[:RESPONSIBLE_FOR]->(t)
  RETURN t, 1 AS pri
}
WITH t, min(pri) AS best
RETURN count(CASE WHEN best = 0 THEN t END) AS direct, count(CASE WHEN best = 1 THEN t END) AS viaGroup, count(t) AS all
