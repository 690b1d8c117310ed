// title: Documents and evidence of the reports a page of targets-against-results shows
// description: Each listed Observation's reporting document and the evidence span of REPORTS.
// params: reports (list of Observation ids)
UNWIND $reports AS id
MATCH (v:Entity {id: id})
MATCH (d:Document)-[s:REPORTS]->(v)
RETURN v.id AS id, {
  document: d.name,
  evidence: {document: s.evidenceDocs[0], start: s.evidenceStarts[0], end: s.evidenceEnds[0], text: s.evidenceTexts[0]}
} AS details
