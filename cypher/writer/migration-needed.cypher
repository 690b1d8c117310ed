// title: Is the database in the shape before STATES?
// description: The cheap check run at every start (schema.ts): databases written before support became
//   STATES relationships keep it in lists on the Document nodes (nodeIds, aliasPairs), and every load
//   there took the write lock of the one (:LoaderGate) node, so any such database with a document in it
//   has that node. Counting a label is a count-store look-up, not a scan; migrate-states.cypher runs only
//   when this says so, and deletes the gate last.
// parameters: none
RETURN COUNT { MATCH (g:LoaderGate) } > 0 AS needed
