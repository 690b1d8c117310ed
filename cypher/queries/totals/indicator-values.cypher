// title: Totals of indicator-values
// description: How many targets and reported observations the indicator has.
// params: indicator
MATCH (i:Entity:Indicator {id: $indicator})
RETURN COUNT { (:Entity)-[:SETS_TARGET]->(:Target)-[:OF]->(i) } AS targets,
       COUNT { (:Entity)-[:REPORTS]->(:Observation)-[:OF]->(i) } AS observations,
       COUNT { (:Entity)-[:SETS_TARGET]->(:Target)-[:OF]->(i) } + COUNT { (:Entity)-[:REPORTS]->(:Observation)-[:OF]->(i) } AS all
