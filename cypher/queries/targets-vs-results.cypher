// name: targets-vs-results
// title.zh: 目标与实际
// title.en: Targets against results
// description.zh: 每个设有目标值的指标:它的目标值(按年份、数值、单位、比较和口径合并,附个数)和全部实际报告值
//   (数值、截至日期、报告文件)。按指标名称排序,分页显示。达标判断(达标/未达标/尚无报告)由目标分析接口
//   按接口文档中的规则计算。结果中的合计统计设有目标的指标数。
// description.en: Every indicator that has a target: its targets (grouped by year, value, unit, comparator and
//   measure, with how many) and all its reported values (value, date, reporting document). Ordered by indicator name, one page at a time. Whether a target was met (met / not
//   met / no report yet) is computed by /api/analysis/targets with the rules in docs/api.md. The answer's
//   `totals` count the indicators with targets.
// param limit: integer(1..5000) = 2000 — page size: at most this many indicators
// param limit.zh: 每页条数
// param limit.en: Rows per page
// param offset: integer(0..1000000) = 0 — indicators to skip, for the next pages
// param offset.zh: 跳过条数
// param offset.en: Rows to skip
MATCH (i:Entity:Indicator)
WHERE EXISTS { (i)<-[:OF]-(:Target) }
WITH i
ORDER BY i.name, i.id
SKIP $offset
LIMIT $limit
// Light rows: what the met / not-met rule needs. Targets with the same year, value, unit, comparator and measure
// get the same status, so they travel as one group with a count `n`; the targets a page shows, with names and
// evidence, are read for that page only (cypher/api/target-page.cypher): a city's archive holds tens of thousands.
CALL (i) {
  MATCH (:Entity)-[:SETS_TARGET]->(v:Target)-[:OF]->(i)
  WITH v.year AS year, v.value AS value, v.unit AS unit, v.comparator AS comparator, v.measure AS measure, count(*) AS n
  ORDER BY year, value, unit, comparator, measure
  RETURN collect({year: year, value: value, unit: unit, comparator: comparator, measure: measure, n: n}) AS targets
}
CALL (i) {
  OPTIONAL MATCH (d:Document)-[:REPORTS]->(v:Observation)-[:OF]->(i)
  WITH v, d ORDER BY v.asOf, v.id
  RETURN collect(CASE WHEN v IS NOT NULL THEN {
    id: v.id, value: v.value, unit: v.unit, comparator: v.comparator, year: v.year, asOf: v.asOf, asOfInferred: coalesce(v.asOfInferred, false),
    measure: v.measure, documentId: d.id
  } END) AS reports
}
RETURN i.id AS indicatorId, i.name AS indicator, i.unit AS unit, i.measure AS measure, targets, reports
ORDER BY indicator, indicatorId
