// title: Benchmark: export relationships
// description: Every relationship with its ends and properties, for the LOAD CSV comparison.
// parameters: none
MATCH (a:Entity)-[r]->(b:Entity)
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props
