// title: Benchmark: export nodes
// description: Every node with its own label and properties, for the LOAD CSV comparison.
// parameters: none
MATCH (n:Entity)
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS props
