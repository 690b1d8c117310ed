// title: Merge into nodes other documents already support
// description: One row per node, combining every document of the transaction that states it
//   (combine-documents.ts), so a node shared by all of them is rewritten once. Sets labels, properties and
//   search keys of nodes lock-nodes found supported, adds the documents to `documents` and unites the
//   aliases. `aliasSources` ("<docId>\u001f<alias>") remembers which document printed which alias, so
//   replacing or removing a document takes exactly its aliases away (strip-nodes recomputes `aliases` from
//   it). Appending is enough here: a replacement strips first. aliasText stops at ~4000 characters: the TEXT
//   index on it refuses values over 32 KB, and an indicator named in thousands of documents collects that
//   many printed phrases (search-keys.ts cappedAliasText computes the same text for new nodes). Labels
//   are dynamic ($(row.labels)); their values were checked against NODE_LABELS by the zod contract and
//   prepare-facts.ts.
// param rows: list of {id, labels, aliases, aliasSources, docIds, props} — docIds sorted
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n:$(row.labels)
// When documents disagree on a property (e.g. a Plan's `document`), the lowest document id wins for the
// keys it sets (row.props already holds the lowest of this transaction's), so the result does not depend
// on load order, on batching, or on which of two loaders came first.
WITH n, row, all(d IN coalesce(n.documents, []) WHERE row.docIds[0] <= d) AS owns
FOREACH (k IN keys(row.props) | SET n[k] = CASE WHEN owns OR n[k] IS NULL THEN row.props[k] ELSE n[k] END)
WITH n, row, coalesce(n.aliases, []) AS old, coalesce(n.documents, []) AS docs
WITH n, row, docs, old + [a IN row.aliases WHERE NOT a IN old] AS aliases
SET n.aliasSources = coalesce(n.aliasSources, []) + row.aliasSources,
    n.aliases = aliases,
    n.aliasText = reduce(s = n.name, a IN [x IN aliases WHERE x <> n.name] | CASE WHEN size(s) + size(a) > 4000 THEN s ELSE s + ' | ' + a END),
    n.documents = docs + [d IN row.docIds WHERE NOT d IN docs]
RETURN count(*) AS merged
