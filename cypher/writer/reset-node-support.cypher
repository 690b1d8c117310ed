// title: Give stripped nodes what their remaining documents state
// description: For old nodes of a replaced or removed document that other documents still support
//   (supported-nodes.cypher): the aliases only the stripped document printed go, and propsDoc becomes the
//   lowest remaining document id, so a later document decides property conflicts as if the stripped one
//   had never been loaded. aliasText is rebuilt as merge-existing-nodes.cypher builds it.
// param rows: list of {id, owner, aliases} — aliases sorted
// param aliasTextLimit: integer
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n.propsDoc = row.owner,
    n.aliases = row.aliases,
    n.aliasText = reduce(s = n.name, a IN [x IN row.aliases WHERE x <> n.name] | CASE WHEN size(s) + size(a) > $aliasTextLimit THEN s ELSE s + ' | ' + a END)
RETURN count(*) AS reset
