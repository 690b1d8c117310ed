// name: targets-vs-results
// title.zh: 目标与实际
// title.en: Targets against results
// description.zh: 每个设有目标值的指标:它的全部目标值(数值、比较、年份、设定它的任务或规划及所属规划)和全部实际报告值
//   (数值、截至日期、报告文件),各附原文位置。按指标名称排序,分页显示。达标判断(达标/未达标/尚无报告)由接口
//   /api/analysis/targets 按 docs/api.md 的规则计算。结果中的合计统计设有目标的指标数。
// description.en: Every indicator that has a target: all its targets (value, comparator, year, the task or plan that
//   set it and that plan) and all its reported values (value, date, reporting document), each with where it
//   stands in the source. Ordered by indicator name, one page at a time. Whether a target was met (met / not
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
CALL (i) {
  MATCH (src)-[s:SETS_TARGET]->(v:Target)-[:OF]->(i)
  OPTIONAL MATCH (owner:Plan)-[:HAS_TASK]->(src)
  WITH v, s, src, CASE WHEN src:Plan THEN src ELSE owner END AS plan
  ORDER BY v.year, v.id
  RETURN collect({
    id: v.id, value: v.value, unit: v.unit, comparator: v.comparator, year: v.year, measure: v.measure,
    setterId: src.id, setterNumber: coalesce(src.path, src.number), setterTitle: coalesce(src.title, src.name),
    planId: plan.id, plan: plan.name, planYear: plan.year,
    evidence: {document: s.evidenceDocs[0], start: s.evidenceStarts[0], end: s.evidenceEnds[0], text: s.evidenceTexts[0]}
  }) AS targets
}
CALL (i) {
  OPTIONAL MATCH (d:Document)-[s:REPORTS]->(v:Observation)-[:OF]->(i)
  WITH v, s, d ORDER BY v.asOf, v.id
  RETURN collect(CASE WHEN v IS NOT NULL THEN {
    id: v.id, value: v.value, unit: v.unit, comparator: v.comparator, year: v.year, asOf: v.asOf, measure: v.measure,
    documentId: d.id, document: d.name,
    evidence: {document: s.evidenceDocs[0], start: s.evidenceStarts[0], end: s.evidenceEnds[0], text: s.evidenceTexts[0]}
  } END) AS reports
}
RETURN i.id AS indicatorId, i.name AS indicator, i.unit AS unit, i.measure AS measure, targets, reports
ORDER BY indicator, indicatorId
