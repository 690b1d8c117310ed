// name: plan-series
// title.zh: 辖区的历年规划
// title.en: Plans of a jurisdiction, year by year
// description.zh: 列出有编号任务且有年份的规划(即持有原文的规划),按辖区、年份排列,附发文机关、任务数、责任分工数,以及它沿落实/引用关系(最多六步)上下游的规划链。分析模式的“历年规划”据此组成同一发文机关或同一辖区的年度规划序列。
// description.en: Every plan with numbered tasks and a year (the plans whose text we hold), by jurisdiction and
//   year, with its issuer, task and responsibility counts and the IMPLEMENTS / REFERENCES chains up and down
//   from it (up to six steps). The Analysis mode's Plans over time builds the annual series of one issuer or
//   one jurisdiction from these rows.
// param jurisdiction: string = * — a jurisdiction as detected in the documents (e.g. 福州市), or * for every jurisdiction
// param jurisdiction.zh: 辖区 — 如 福州市;* 表示全部
// param jurisdiction.en: Jurisdiction — e.g. 福州市; * for all
MATCH (p:Entity:Plan)
WHERE p.year IS NOT NULL AND EXISTS { (p)-[:HAS_TASK]->(:Task) }
CALL (p) {
  OPTIONAL MATCH (d:Document)-[:DESCRIBES]->(p)
  WITH d ORDER BY d.docId
  RETURN head(collect(d)) AS d
}
WITH p, d
WHERE $jurisdiction = '*' OR d.jurisdiction = $jurisdiction
// The chains are returned as one list of links (plan ids, names and years), both directions, each link once.
WITH p, d,
  COLLECT {
    MATCH path = (p)-[:IMPLEMENTS|REFERENCES*1..6]->(:Plan)
    UNWIND relationships(path) AS r
    RETURN DISTINCT {type: type(r), from: startNode(r).id, fromName: startNode(r).name, fromYear: startNode(r).year,
                     to: endNode(r).id, toName: endNode(r).name, toYear: endNode(r).year} AS link
  } + COLLECT {
    MATCH path = (:Plan)-[:IMPLEMENTS|REFERENCES*1..6]->(p)
    UNWIND relationships(path) AS r
    RETURN DISTINCT {type: type(r), from: startNode(r).id, fromName: startNode(r).name, fromYear: startNode(r).year,
                     to: endNode(r).id, toName: endNode(r).name, toYear: endNode(r).year} AS link
  } AS lineage
RETURN d.jurisdiction AS jurisdiction, p.year AS year, p.name AS plan,
       coalesce(d.issuer, head(COLLECT { MATCH (p)-[:ISSUED_BY]->(a:Agency) RETURN a.name ORDER BY a.name })) AS issuer,
       coalesce(d.issued, p.issued) AS issued,
       COUNT { (p)-[:HAS_TASK]->(:Task) } AS tasks,
       COUNT { (p)-[:HAS_TASK]->(:Task)<-[:RESPONSIBLE_FOR]-(:Agency) } AS responsibilities,
       lineage,
       {kind: 'node', elementId: elementId(p), labels: labels(p), properties: p {.id, .name, .aliases, .year, .issued, .document}} AS planNode
ORDER BY jurisdiction, year, issued, plan, planNode.properties.id
