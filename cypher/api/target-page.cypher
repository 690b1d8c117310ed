// title: The targets a page of targets-against-results shows
// description: The first $limit targets of the listed indicators, in the list's order, then by target year
//   (no year last) and id, each with its setter (task number and title, or the plan), that plan and the
//   evidence span of SETS_TARGET. The statuses are decided on light rows (targets-vs-results); this reads
//   names and evidence for the shown rows only.
// params: indicators (ordered list of Indicator ids), limit
UNWIND range(0, size($indicators) - 1) AS k
MATCH (i:Entity {id: $indicators[k]})
CALL (i) {
  MATCH (src)-[s:SETS_TARGET]->(v:Target)-[:OF]->(i)
  WITH src, s, v ORDER BY v.year, v.id LIMIT $limit
  OPTIONAL MATCH (owner:Plan)-[:HAS_TASK]->(src)
  RETURN src, s, v, CASE WHEN src:Plan THEN src ELSE owner END AS plan
}
WITH k, i, src, s, v, plan
ORDER BY k, v.year, v.id
LIMIT $limit
RETURN i.id AS indicatorId, {
  id: v.id, value: v.value, unit: v.unit, comparator: v.comparator, year: v.year, measure: v.measure,
  setterId: src.id, setterNumber: coalesce(src.path, src.number), setterTitle: coalesce(src.title, src.name),
  planId: plan.id, plan: plan.name, planYear: plan.year,
  evidence: {document: s.evidenceDocs[0], start: s.evidenceStarts[0], end: s.evidenceEnds[0], text: s.evidenceTexts[0]}
} AS target
