// title: Totals of agency-breakdown
// description: How many tasks the agency carries, directly or through a group it belongs to.
// params: agency
MATCH (a:Entity:Agency {id: $agency})
RETURN COUNT { MATCH (t:Task) WHERE (a)-[:RESPONSIBLE_FOR]->(t) OR (a)-[:MEMBER_OF]->(:Agency)-[:RESPONSIBLE_FOR]->(t) } AS tasks
