// title: Give stripped nodes what their remaining documents state
// description: After unstate-nodes.cypher took the replaced or removed documents' STATES away: a node
//   with no STATES left is unsupported (its id is returned; the writer sets it afresh or deletes it).
//   On the others, only what the stripped documents brought can change: each alias they printed stays
//   if another STATES relationship still carries it (a look at the node's own relationships that stops
//   at the first hit), and when one of them was `propsDoc` the lowest remaining document id takes
//   over, so a later document decides property conflicts as if the stripped one had never been loaded.
//   aliasText is rebuilt as merge-existing-nodes.cypher builds it. Nothing outside the nodes' own
//   neighbourhood is read.
// param rows: list of {id, docIds, aliases} — the stripped documents and the aliases they printed
// param aliasTextLimit: integer
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WITH n, row, COUNT { (n)<-[:STATES]-() } AS support
CALL (n, row, support) {
  WITH n, row WHERE support > 0
  WITH n, row, [a IN row.aliases WHERE NOT EXISTS { MATCH (n)<-[s:STATES]-() WHERE a IN s.aliases }] AS gone
  WITH n, gone, CASE WHEN n.propsDoc IN row.docIds
    THEN COLLECT { MATCH (n)<-[:STATES]-(d:Document) RETURN d.docId AS docId ORDER BY docId LIMIT 1 }[0]
    ELSE n.propsDoc END AS owner
  SET n.propsDoc = owner, n.aliases = [a IN coalesce(n.aliases, []) WHERE NOT a IN gone]
  SET n.aliasText = reduce(s = n.name, a IN [x IN n.aliases WHERE x <> n.name] | CASE WHEN size(s) + size(a) > $aliasTextLimit THEN s ELSE s + ' | ' + a END)
}
RETURN collect(CASE WHEN support = 0 THEN n.id END) AS unsupported
