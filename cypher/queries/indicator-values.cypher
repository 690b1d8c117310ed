// name: indicator-values
// title.zh: 指标的目标值与实际值
// title.en: Targets and reported values of an indicator
// description.zh: 指标的规划目标值(及设定它的任务或规划)和实际报告值(及报告文件),按年份/日期排序,分页显示。结果中的合计统计目标值与实际值的数量。
// description.en: The planned targets (with the task or plan that set them) and the reported observations
//   (with the reporting document) of an indicator, ordered by year / date, one page at a time. The
//   answer's `totals` count targets and observations.
// param indicator: entity(Indicator) — the indicator's id
// param indicator.zh: 指标
// param indicator.en: Indicator
// param limit: integer(1..1000) = 200 — page size: at most this many rows
// param limit.zh: 每页条数
// param limit.en: Rows per page
// param offset: integer(0..100000) = 0 — rows to skip, for the next pages
// param offset.zh: 跳过条数
// param offset.en: Rows to skip
MATCH (i:Entity:Indicator {id: $indicator})
CALL (i) {
  MATCH (src)-[s:SETS_TARGET]->(v:Target)-[o:OF]->(i)
  RETURN 'target' AS kind, toString(v.year) AS `when`, v.comparator AS comparator, v.value AS value, v.unit AS unit,
         src, v AS point, s AS link, o AS of
  UNION ALL
  MATCH (src)-[s:REPORTS]->(v:Observation)-[o:OF]->(i)
  RETURN 'observation' AS kind, toString(v.asOf) AS `when`, '=' AS comparator, v.value AS value, v.unit AS unit,
         src, v AS point, s AS link, o AS of
}
WITH i, kind, `when`, comparator, value, unit, src, point, link, of
ORDER BY `when`, kind DESC, point.id
SKIP $offset
LIMIT $limit
// The indicator and the sources (plans, documents with their full text) are lean maps.
RETURN kind, `when`, comparator, value, unit, src.name AS source,
       {kind: 'node', elementId: elementId(i), labels: labels(i), properties: i {.id, .name, .aliases, .unit, .key}} AS indicator,
       point, link, of,
       {kind: 'node', elementId: elementId(src), labels: labels(src), properties: src {.id, .name, .aliases, .number, .title, .year, .issued}} AS src
ORDER BY `when`, kind DESC, point.id
