// title: Lock nodes in id order
// description: Takes the write lock of existing nodes in the sorted order of $ids. Replacement and
//   removal take it on every node the old version supported before deciding which of them another
//   document still supports: a loader adding a relationship at such a node then waits for the decision
//   (and fails and retries if the node was deleted) instead of racing it.
// param ids: string[] — node ids, sorted
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n._lock = true
REMOVE n._lock
RETURN count(*) AS locked
