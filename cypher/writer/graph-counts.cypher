// title: Node and relationship counts
// description: For summaries, tests and the benchmark.
// parameters: none
CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
