// title: Totals of plan-touches
// description: How many parks, platforms, companies and agencies a plan's tasks touch (mentioned by a task
//   or responsible for one), and how many rows plan-touches has in all.
// params: plan
MATCH (p:Entity:Plan {id: $plan})
CALL (p) {
  MATCH (p)-[:HAS_TASK]->(:Task)-[:MENTIONS]->(x:Entity)
  WHERE x:Park OR x:Platform OR x:Company
  RETURN x
  UNION
  MATCH (p)-[:HAS_TASK]->(:Task)<-[:RESPONSIBLE_FOR]-(x:Entity:Agency)
  RETURN x
}
RETURN count(CASE WHEN x:Park THEN x END) AS parks, count(CASE WHEN x:Platform THEN x END) AS platforms,
       count(CASE WHEN x:Company THEN x END) AS companies, count(CASE WHEN x:Agency THEN x END) AS agencies,
       count(x) AS all
