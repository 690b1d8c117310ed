// title: Take the support gate
// description: Node support lives on the Document nodes (nodeIds), and a load locks none of the existing
//   nodes it states, so a replacement or removal deciding "no other document states this node" could
//   miss a load that has written but not committed, delete the node or take back aliases that load
//   relies on, and the load would commit regardless. The gate closes that window: a replacement or
//   removal takes this lock before its decision and holds it to commit; a load takes it after its bulk
//   writes and then does what depends on the nodes as stored (merge-existing-nodes), so it sees every
//   decision committed before it. Loads only queue here for their last statement and commit; their bulk
//   writes still run side by side. MERGE on the unique name creates the gate the first time (and after
//   --reset) without duplicates.
// parameters: none
MERGE (g:LoaderGate {name: 'support'})
SET g._lock = true
REMOVE g._lock
RETURN count(*) AS locked
