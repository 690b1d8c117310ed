// title: Totals of plan-outline
// description: How many tasks the plan has, for "500 of 1,204 tasks".
// params: plan
MATCH (p:Entity:Plan {id: $plan})
RETURN COUNT { (p)-[:HAS_TASK]->(:Task) } AS tasks
