// title: Benchmark: one node per transaction
// description: The naive baseline of bench/load.bench.ts: MERGE a single node in its own transaction.
// param id: string
// param label: string — from NODE_LABELS
// param props: map
// param docId: string
MERGE (n:Entity {id: $id})
SET n:$($label)
SET n += $props, n.propsDoc = coalesce(n.propsDoc, $docId)
