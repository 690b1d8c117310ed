// title: Move node support from the nodes to the Document nodes
// description: Databases written before support moved to the Documents (docs/graph-storage.md) keep it on
//   every node: `documents` (the supporting document ids) and `aliasSources` ("<docId>\u001f<alias>"). This
//   turns them into today's shape: each Document gets the aliasPairs ("<nodeId>\u001f<alias>") its
//   aliasSources entries name, each node gets propsDoc (the lowest of its documents) and loses both lists,
//   and Documents lose their own `documents`. Every statement only touches nodes still in the old shape,
//   so running it again, or at every start, changes nothing. Statements are separated by semicolons at
//   line ends; the last two commit in batches (auto-commit).
// parameters: none
MATCH (n:Entity)
WHERE n.aliasSources IS NOT NULL AND NOT n:Document
UNWIND n.aliasSources AS source
WITH n.id AS id, split(source, '\u001f') AS kv
WITH kv[0] AS docId, collect(id + '\u001f' + kv[1]) AS pairs
MATCH (d:Document {docId: docId})
SET d.aliasPairs = reduce(acc = coalesce(d.aliasPairs, []), p IN pairs | CASE WHEN p IN acc THEN acc ELSE acc + p END);
MATCH (n:Entity)
WHERE (n.documents IS NOT NULL OR n.aliasSources IS NOT NULL) AND NOT n:Document
CALL (n) {
  SET n.propsDoc = coalesce(n.propsDoc, reduce(low = null, d IN coalesce(n.documents, []) | CASE WHEN low IS NULL OR d < low THEN d ELSE low END))
  REMOVE n.documents, n.aliasSources
} IN TRANSACTIONS OF 5000 ROWS;
MATCH (d:Document)
WHERE d.aliasPairs IS NULL OR d.documents IS NOT NULL
CALL (d) {
  SET d.aliasPairs = coalesce(d.aliasPairs, [])
  REMOVE d.documents
} IN TRANSACTIONS OF 1000 ROWS;
