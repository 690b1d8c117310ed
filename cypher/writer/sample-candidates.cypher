// title: The documents that refill a relationship's evidence sample
// description: For relationships whose sample (evidence-sample.ts) lost a replaced or removed document
//   while documents outside it still state them: the next documents by id, as many as the sample lacks,
//   each with its spans of the relationship and its text (the writer cuts the spans' texts from it).
//   They are found among the STATES into the relationship's start node, whose lists name what each
//   document states from there: a read of every STATES into that node (one per document on a hub), paid
//   only when a document among a fact's lowest ids leaves. Run after the old versions' STATES are
//   deleted, so none of them is chosen.
// param relIds: string[] — element ids from strip-relationships' `refill`
// param sample: integer — SAMPLE_DOCUMENTS
UNWIND $relIds AS rid
MATCH (a)-[r]->(b)
WHERE elementId(r) = rid
WITH rid, a, r, b, coalesce(r.documents, []) AS have
WHERE r.documentCount > size(have)
CALL (a, r, b, have) {
  MATCH (a)<-[s:STATES]-(d:Document)
  WHERE NOT d.docId IN have
  WITH d, s, [i IN range(0, size(s.outTypes) - 1) WHERE s.outTypes[i] = type(r) AND s.outEnds[i] = b.id AND s.outKeys[i] = coalesce(r.key, '')] AS hit
  WHERE size(hit) > 0
  WITH d, [k IN range(0, size(s.outSpans) / 3 - 1) WHERE s.outSpans[3 * k] = hit[0] | [s.outSpans[3 * k + 1], s.outSpans[3 * k + 2]]] AS spans
  ORDER BY d.docId
  RETURN collect([d, spans]) AS found
}
// Only the chosen documents' texts are read.
RETURN rid, [c IN found[0..($sample - size(have))] | {docId: c[0].docId, text: c[0].text, spans: c[1]}] AS candidates
