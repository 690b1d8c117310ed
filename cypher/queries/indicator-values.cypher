// name: indicator-values
// title.zh: 指标的目标值与实际值
// title.en: Targets and reported values of an indicator
// description: The planned targets (with the task or plan that set them) and the reported observations
//   (with the reporting document) of an indicator, ordered by year / date.
// param indicator: entity(Indicator) — the indicator's id
// param limit: integer = 200 — at most this many rows
MATCH (i:Entity:Indicator {id: $indicator})
CALL (i) {
  MATCH (src)-[s:SETS_TARGET]->(v:Target)-[o:OF]->(i)
  RETURN 'target' AS kind, toString(v.year) AS `when`, v.comparator AS comparator, v.value AS value, v.unit AS unit,
         src.name AS source, v AS point, s AS link, o AS of, src
  UNION ALL
  MATCH (src)-[s:REPORTS]->(v:Observation)-[o:OF]->(i)
  RETURN 'observation' AS kind, toString(v.asOf) AS `when`, '=' AS comparator, v.value AS value, v.unit AS unit,
         src.name AS source, v AS point, s AS link, o AS of, src
}
RETURN kind, `when`, comparator, value, unit, source, i AS indicator, point, link, of, src
ORDER BY `when`, kind DESC
LIMIT $limit
