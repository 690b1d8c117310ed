// title: Is the database in a shape before today's?
// description: The cheap check run at every start (schema.ts). Databases written before support became
//   STATES relationships keep it in lists on the Document nodes (nodeIds, aliasPairs), and every load
//   there took the write lock of the one (:LoaderGate) node, so any such database with a document in it
//   has that node; migrate-states.cypher also creates it first when it starts on a later shape, and
//   deletes it last. Databases written with STATES before these carried `outSpans` (and, earlier,
//   `outTypes` and relationships' `evidenceCount`) have no such STATES at all, so looking at one STATES
//   relationship is enough. Databases written before relationships kept an evidence sample
//   (evidence-sample.ts) have no `documentCount` on any fact relationship, so one of those is enough too.
//   Counting a label is a count-store look-up and one relationship is one read: no scan.
// parameters: none
RETURN COUNT { MATCH (g:LoaderGate) } > 0
  OR coalesce(head(COLLECT { MATCH ()-[s:STATES]->() RETURN s.outSpans IS NULL AS old LIMIT 1 }), false)
  OR coalesce(head(COLLECT { MATCH ()-[r:!STATES]->() RETURN r.documentCount IS NULL AS old LIMIT 1 }), false) AS needed
