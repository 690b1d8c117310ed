// title: One relationship with its evidence
// description: A relationship found by its element id (the id the graph answers give an edge): its type,
//   properties without the bookkeeping lists ($hiddenRelKeys), both ends, and up to $limit evidence spans
//   (document, start, end, text) by document id, with the number its documents give in all, so the
//   client's edge inspector can quote the sentence and open the document. The relationship holds its
//   lowest-id documents' spans (evidence-sample.ts); when $limit asks for more than it holds, the rest
//   come from the STATES of the documents after them into the start node, which list what each states
//   from there and its spans (their text is cut from the documents by edgeDetails).
// params: elementId, limit, hiddenRelKeys (list)
MATCH (a)-[r]->(b)
WHERE elementId(r) = $elementId
WITH a, r, b, coalesce(r.evidenceDocs, []) AS docs
WITH a, r, b, docs,
     [i IN range(0, CASE WHEN size(docs) < $limit THEN size(docs) ELSE $limit END - 1) |
        {document: docs[i], start: r.evidenceStarts[i], end: r.evidenceEnds[i], text: r.evidenceTexts[i]}] AS held
CALL (a, r, b, docs, held) {
  WITH a, r, b, docs, held
  WHERE size(held) < $limit AND coalesce(r.evidenceCount, 0) > size(docs)
  MATCH (a)<-[s:STATES]-(d:Document)
  WHERE NOT d.docId IN coalesce(r.documents, [])
  WITH d, s, [i IN range(0, size(s.outTypes) - 1) WHERE s.outTypes[i] = type(r) AND s.outEnds[i] = b.id AND s.outKeys[i] = coalesce(r.key, '')] AS hit
  WHERE size(hit) > 0
  UNWIND [k IN range(0, size(s.outSpans) / 3 - 1) WHERE s.outSpans[3 * k] = hit[0]] AS k
  WITH d.docId AS document, s.outSpans[3 * k + 1] AS start, s.outSpans[3 * k + 2] AS end
  ORDER BY document, start, end
  RETURN collect({document: document, start: start, end: end, text: null}) AS more
}
RETURN elementId(r) AS id, type(r) AS type,
       [k IN keys(r) WHERE NOT k IN $hiddenRelKeys AND k <> 'key' | [k, r[k]]] AS properties,
       {id: a.id, name: a.name, label: [l IN labels(a) WHERE l <> 'Entity'][0]} AS source,
       {id: b.id, name: b.name, label: [l IN labels(b) WHERE l <> 'Entity'][0]} AS target,
       coalesce(r.evidenceCount, size(docs)) AS spans,
       held + more[0..($limit - size(held))] AS evidence
