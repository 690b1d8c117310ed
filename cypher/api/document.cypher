// title: One document with the spans of its facts
// description: The document (by node id or bare id) and one span per evidence entry of every
//   relationship drawn from it; found through the nodes the document states (its STATES relationships),
//   so it never scans every relationship in the graph.
// params: id
MATCH (d:Document) WHERE d.id = $id OR d.docId = $id
CALL (d) {
  UNWIND [(d)-[:STATES]->(n) | n] + [d] AS a
  MATCH (a)-[r:!STATES]->(b)
  WHERE d.docId IN r.evidenceDocs
  WITH DISTINCT r, a, b
  UNWIND range(0, size(r.evidenceDocs) - 1) AS i
  WITH r, a, b, i WHERE r.evidenceDocs[i] = d.docId
  RETURN collect({start: r.evidenceStarts[i], end: r.evidenceEnds[i], text: r.evidenceTexts[i], type: type(r),
                  from: a.id, fromName: a.name, to: b.id, toName: b.name, relationship: elementId(r)}) AS spans
}
RETURN d {.id, .docId, .name, .file, .kind, .issued, .sha256, .loadedAt, .text, .issuer, .jurisdiction, .size, .warnings} AS document, spans
