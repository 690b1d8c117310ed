// title: Totals of task-breakdown
// description: How many tasks the plan has, so a page of the table can say how many there are in all.
// params: plan
MATCH (p:Entity:Plan {id: $plan})
RETURN COUNT { (p)-[:HAS_TASK]->(:Task) } AS tasks
