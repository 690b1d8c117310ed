// title: Move node support from Document lists to STATES relationships
// description: The one migration from the previous shape (docs/graph-storage.md): each Document's
//   `nodeIds` become STATES relationships to those nodes, carrying the aliases its `aliasPairs`
//   ("<nodeId>\u001f<alias>") printed for each, and both lists go; then the (:LoaderGate) node and its
//   constraint. Each Document is converted in the same inner transaction that removes its lists, so a
//   migration cut short resumes with the Documents still in the old shape, and the gate (what
//   migration-needed.cypher looks for) goes only after all of them. Run by schema.ts in auto-commit
//   transactions; statements are separated by semicolons at line ends.
// parameters: none
MATCH (d:Document)
WHERE d.nodeIds IS NOT NULL OR d.aliasPairs IS NOT NULL
CALL (d) {
  CALL (d) {
    UNWIND coalesce(d.nodeIds, []) AS nodeId
    MATCH (n:Entity {id: nodeId})
    CREATE (d)-[:STATES {aliases: [p IN coalesce(d.aliasPairs, []) WHERE p STARTS WITH nodeId + '\u001f' | substring(p, size(nodeId) + 1)]}]->(n)
  }
  REMOVE d.nodeIds, d.aliasPairs
} IN TRANSACTIONS OF 50 ROWS;
MATCH (g:LoaderGate) DELETE g;
DROP CONSTRAINT loader_gate_name IF EXISTS;
