// title: Refill relationships' evidence samples
// description: Appends to each relationship the documents sample-candidates.cypher chose and their spans,
//   with texts the writer cut from the documents (evidence-sample.ts sampleAppend). The relationships are
//   locked already: strip-relationships wrote them in this transaction. The chosen documents sort after
//   every one in the sample, so it stays sorted.
// param rows: list of {rid, documents, evidenceDocs, evidenceStarts, evidenceEnds, evidenceTexts}
UNWIND $rows AS row
MATCH ()-[r]->()
WHERE elementId(r) = row.rid
SET r.documents = r.documents + row.documents,
    r.evidenceDocs = r.evidenceDocs + row.evidenceDocs,
    r.evidenceStarts = r.evidenceStarts + row.evidenceStarts,
    r.evidenceEnds = r.evidenceEnds + row.evidenceEnds,
    r.evidenceTexts = r.evidenceTexts + row.evidenceTexts
RETURN count(*) AS rows
