// title: Strip a document from its nodes
// description: Removes the document from the `documents` support set of the nodes it touched, and the
//   aliases only it printed (aliasSources, see merge-nodes.cypher).
// param ids: string[] — the node ids the document touched (not its Document node)
// param docId: string — the bare document id
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE $docId IN n.documents
SET n.documents = [x IN n.documents WHERE x <> $docId],
    n.aliasSources = [x IN coalesce(n.aliasSources, []) WHERE NOT x STARTS WITH $docId + '\u001f']
WITH n, reduce(acc = [], s IN n.aliasSources | CASE WHEN split(s, '\u001f')[1] IN acc THEN acc ELSE acc + split(s, '\u001f')[1] END) AS aliases
SET n.aliases = aliases,
    n.aliasText = reduce(t = n.name, a IN [x IN aliases WHERE x <> n.name] | CASE WHEN size(t) + size(a) > 4000 THEN t ELSE t + ' | ' + a END)
RETURN count(*) AS stripped
