// title: Benchmark: one node per transaction
// description: The naive baseline of bench/load.bench.ts: MERGE a single node in its own transaction,
//   with the STATES relationship from its document that records its support (none for the Document).
// param id: string
// param label: string — from NODE_LABELS
// param props: map
// param docId: string
// param docNodeId: string|null — the stating Document's node id; null for the Document itself
// param aliases: string[] — the aliases the document printed for the node
MERGE (n:Entity {id: $id})
SET n:$($label)
SET n += $props, n.propsDoc = coalesce(n.propsDoc, $docId)
WITH n WHERE $docNodeId IS NOT NULL
MATCH (d:Entity {id: $docNodeId})
MERGE (d)-[s:STATES]->(n)
SET s.aliases = $aliases
