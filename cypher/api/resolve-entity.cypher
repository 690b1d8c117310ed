// title: Resolve an entity parameter
// description: Finds the node a curated query's entity(Label) parameter names: by id first, then by
//   name or printed alias, so 长乐区人民政府 finds agency:长乐区政府 too.
// params: value, label
MATCH (n:Entity)
WHERE (n.id = $value OR n.name = $value OR $value IN n.aliases) AND $label IN labels(n)
RETURN n.id AS id
ORDER BY CASE WHEN n.id = $value THEN 0 WHEN n.name = $value THEN 1 ELSE 2 END, n.id
LIMIT 1
