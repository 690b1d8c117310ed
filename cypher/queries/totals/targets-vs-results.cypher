// title: Totals of targets-vs-results
// description: How many indicators have at least one target.
// params:
MATCH (i:Entity:Indicator)
WHERE EXISTS { (i)<-[:OF]-(:Target) }
RETURN count(i) AS indicators
