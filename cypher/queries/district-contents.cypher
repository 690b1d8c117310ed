// name: district-contents
// title.zh: 区域内的园区、企业与机构
// title.en: What lies in a district
// description.zh: 区域内(直接或位于其园区内)的园区、企业和机构,区域本身,以及提及它们的任务(数量,最多列出十项),分页显示。结果中的合计统计区域内的全部内容。
// description.en: Parks, companies and institutions located in the district (directly or inside one of its
//   parks), the district itself, and the tasks that mention each of them (how many, and up to ten), one
//   page at a time. The answer's `totals` count what lies in the district.
// param district: entity(District) — the district's id
// param district.zh: 行政区
// param district.en: District
// param limit: integer(1..1000) = 300 — page size: at most this many rows
// param limit.zh: 每页条数
// param limit.en: Rows per page
// param offset: integer(0..100000) = 0 — rows to skip, for the next pages
// param offset.zh: 跳过条数
// param offset.en: Rows to skip
MATCH (d:Entity:District {id: $district})
CALL (d) {
  MATCH path = (x:Entity)-[:LOCATED_IN*1..2]->(d)
  WHERE x:Park OR x:Company OR x:Institution
  RETURN x, relationships(path) AS located
  UNION
  RETURN d AS x, [] AS located
}
WITH x, located, [l IN labels(x) WHERE l <> 'Entity'][0] AS kind
ORDER BY CASE kind WHEN 'District' THEN 0 WHEN 'Park' THEN 1 WHEN 'Company' THEN 2 ELSE 3 END, x.name, x.id
SKIP $offset
LIMIT $limit
// A district is mentioned by thousands of tasks in a city's archive: count them all, bring ten.
CALL (x) {
  OPTIONAL MATCH (t:Task)-[m:MENTIONS]->(x)
  WITH t, m ORDER BY t.id
  RETURN count(t) AS taskCount, collect(t)[..10] AS tasks, collect(m)[..10] AS mentions
}
// x (the district among them) and the LOCATED_IN links are hubs: lean maps, not the stored elements.
RETURN kind, x.name AS name, taskCount, [t IN tasks | t.title] AS taskTitles,
       {kind: 'node', elementId: elementId(x), labels: labels(x), properties: x {.id, .name, .aliases}} AS entity,
       [r IN located | {kind: 'relationship', elementId: elementId(r), type: type(r), startElementId: elementId(startNode(r)),
                        endElementId: elementId(endNode(r)), properties: {}, evidence: {count: r.evidenceCount, documents: r.documentCount}}] AS located,
       tasks, mentions
ORDER BY CASE kind WHEN 'District' THEN 0 WHEN 'Park' THEN 1 WHEN 'Company' THEN 2 ELSE 3 END, name, entity.properties.id
