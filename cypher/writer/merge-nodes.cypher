// title: Merge a document's nodes
// description: Sets label, properties and search keys of the nodes lock-nodes locked (and created), adds the
//   document to `documents` and unites the aliases. `aliasSources` ("<docId>\u001f<alias>") remembers which
//   document printed which alias, so replacing or removing a document takes exactly its aliases away
//   (strip-nodes recomputes `aliases` from it). Appending is enough here: a replacement strips first.
//   aliasText stops at ~4000 characters: the TEXT index on it refuses values over 32 KB, and an indicator
//   named in thousands of documents collects that many printed phrases. A node no other document supports is reset first,
//   so a changed document does not leave its old properties behind. The label is dynamic
//   ($(row.label)); its value was checked against NODE_LABELS by the zod contract and prepare-facts.ts.
// param rows: list of {id, label, aliases, props}
// param docId: string — the bare document id
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WITH n, row, size(coalesce(n.documents, [])) = 0 AS fresh
FOREACH (_ IN CASE WHEN fresh THEN [1] ELSE [] END | SET n = {id: row.id})
SET n:$(row.label)
// When documents disagree on a property (e.g. a Plan's `document`), the lowest document id wins for the
// keys it sets, so the result does not depend on load order or on which of two loaders came first.
WITH n, row, all(d IN coalesce(n.documents, []) WHERE $docId <= d) AS owns
FOREACH (k IN keys(row.props) | SET n[k] = CASE WHEN owns OR n[k] IS NULL THEN row.props[k] ELSE n[k] END)
WITH n, row, coalesce(n.aliases, []) AS old
SET n.aliasSources = coalesce(n.aliasSources, []) + [a IN row.aliases | $docId + '\u001f' + a],
    n.aliases = old + [a IN row.aliases WHERE NOT a IN old],
    n.aliasText = reduce(s = n.name, a IN [x IN old + [a IN row.aliases WHERE NOT a IN old] WHERE x <> n.name] | CASE WHEN size(s) + size(a) > 4000 THEN s ELSE s + ' | ' + a END),
    n.documents = CASE WHEN $docId IN coalesce(n.documents, []) THEN n.documents ELSE coalesce(n.documents, []) + $docId END
RETURN count(*) AS merged
