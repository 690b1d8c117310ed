// title: Names and evidence of the targets and reports a page shows
// description: For the targets-against-results answer: each listed target's setter (task number and title, or the
//   plan), its plan and the evidence span of SETS_TARGET; each listed report's document and the evidence span of
//   REPORTS. Read for the shown rows only; the statuses are decided on light rows (targets-vs-results).
// params: targets (list of Target ids), reports (list of Observation ids)
CALL () {
  UNWIND $targets AS id
  MATCH (v:Entity {id: id})
  MATCH (src)-[s:SETS_TARGET]->(v)
  OPTIONAL MATCH (owner:Plan)-[:HAS_TASK]->(src)
  WITH v, s, src, CASE WHEN src:Plan THEN src ELSE owner END AS plan
  RETURN v.id AS id, {
    setterNumber: coalesce(src.path, src.number), setterTitle: coalesce(src.title, src.name),
    planId: plan.id, plan: plan.name, planYear: plan.year,
    evidence: {document: s.evidenceDocs[0], start: s.evidenceStarts[0], end: s.evidenceEnds[0], text: s.evidenceTexts[0]}
  } AS details
  UNION ALL
  UNWIND $reports AS id
  MATCH (v:Entity {id: id})
  MATCH (d:Document)-[s:REPORTS]->(v)
  RETURN v.id AS id, {
    document: d.name,
    evidence: {document: s.evidenceDocs[0], start: s.evidenceStarts[0], end: s.evidenceEnds[0], text: s.evidenceTexts[0]}
  } AS details
}
RETURN id, details
