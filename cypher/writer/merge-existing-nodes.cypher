// title: Merge into nodes other documents already support
// description: One row per node, combining every document of the transaction that states it
//   (combine-documents.ts). A node's support is its STATES relationships, not a property, so a
//   document that states a node exactly as stored writes no property on it: only rows that bring a
//   new label, a new alias, a missing property, or a lower document id than the one whose values the
//   node carries (`propsDoc`: when documents disagree on a property, the lowest document id wins, whatever
//   the load order, batching or which of two loaders came first) write it. It runs after the
//   transaction created its STATES relationships, whose node locks wait for any replacement or removal
//   deciding about these nodes to commit, so what it reads includes that decision.
//   Returns one count per row, which the writer checks: MATCH silently skips a node that a removal
//   deleted after this transaction's merge-nodes found it. aliasText stops at $aliasTextLimit
//   characters: the TEXT index on it refuses values over 32 KB (search-keys.ts cappedAliasText computes
//   the same text in TypeScript). Labels are dynamic ($(row.labels)); their values were checked against
//   NODE_LABELS by the zod contract and prepare-facts.ts.
//   CYPHER replan=skip: the plan is a unique-index seek whatever the statistics, and a load that grows the
//   graph fast made Neo4j re-plan it every few transactions (docs/loading.md, Query plans).
// param rows: list of {id, labels, aliases, doc, props} — doc: the lowest id of the documents stating it
// param aliasTextLimit: integer
CYPHER replan=skip
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
CALL (n, row) {
  WITH n, row
  WHERE any(l IN row.labels WHERE NOT l IN labels(n))
     OR any(a IN row.aliases WHERE NOT a IN coalesce(n.aliases, []))
     OR n.propsDoc IS NULL OR row.doc < n.propsDoc
     OR any(k IN keys(row.props) WHERE n[k] IS NULL AND row.props[k] IS NOT NULL)
  WITH n, row, n.propsDoc IS NULL OR row.doc < n.propsDoc AS owns
  SET n:$(row.labels)
  FOREACH (k IN keys(row.props) | SET n[k] = CASE WHEN owns OR n[k] IS NULL THEN row.props[k] ELSE n[k] END)
  SET n.propsDoc = CASE WHEN owns THEN row.doc ELSE n.propsDoc END
  WITH n, row, coalesce(n.aliases, []) AS old
  WITH n, old + [a IN row.aliases WHERE NOT a IN old] AS aliases
  SET n.aliases = aliases,
      n.aliasText = reduce(s = n.name, a IN [x IN aliases WHERE x <> n.name] | CASE WHEN size(s) + size(a) > $aliasTextLimit THEN s ELSE s + ' | ' + a END)
}
RETURN count(*) AS rows
