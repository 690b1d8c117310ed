// title: Lock nodes in id order
// description: Takes the write lock of every node a write transaction will touch, in the sorted order of
//   $ids, creating the ones that do not exist yet (MERGE on the unique id). Every transaction locks in the
//   same order, so two loaders cannot deadlock on shared agencies, and relationship MERGEs between locked
//   nodes cannot create duplicates. Returns the ids some document already supports (the writer merges into
//   these, merge-existing-nodes, and sets the others in one plain SET, create-nodes) and the ids this
//   statement created (no relationship can exist at them yet, so create-relationships needs no MERGE).
// param ids: string[] — node ids, sorted
UNWIND $ids AS id
MERGE (n:Entity {id: id})
SET n._lock = true
REMOVE n._lock
RETURN collect(CASE WHEN size(coalesce(n.documents, [])) > 0 THEN id END) AS supported,
       collect(CASE WHEN n.documents IS NULL THEN id END) AS created
