// name: district-contents
// title.zh: 区域内的园区、企业与机构
// title.en: What lies in a district
// description: Parks, companies and institutions located in the district (directly or inside one of its
//   parks), the district itself, and the tasks that mention each of them.
// param district: entity(District) — the district's id
// param limit: integer = 300 — at most this many rows
MATCH (d:Entity:District {id: $district})
CALL (d) {
  MATCH path = (x:Entity)-[:LOCATED_IN*1..2]->(d)
  WHERE x:Park OR x:Company OR x:Institution
  RETURN x, path
  UNION
  RETURN d AS x, null AS path
}
OPTIONAL MATCH (t:Task)-[m:MENTIONS]->(x)
WITH d, x, path, collect(t) AS tasks, collect(m) AS mentions
RETURN [l IN labels(x) WHERE l <> 'Entity'][0] AS kind, x.name AS name, size(tasks) AS taskCount,
       [t IN tasks | t.title][..10] AS taskTitles, x AS entity, path, tasks, mentions
ORDER BY CASE kind WHEN 'District' THEN 0 WHEN 'Park' THEN 1 WHEN 'Company' THEN 2 ELSE 3 END, name
LIMIT $limit
