// title: One relationship with its evidence
// description: A relationship found by its element id (the id the graph answers give an edge): its type,
//   properties without the bookkeeping lists ($hiddenRelKeys), both ends, and up to $limit evidence spans
//   (document, start, end, text) with the number it holds, so the client's edge inspector can quote the
//   sentence and open the document.
// params: elementId, limit, hiddenRelKeys (list)
MATCH (a)-[r]->(b)
WHERE elementId(r) = $elementId
WITH a, r, b, coalesce(r.evidenceDocs, []) AS docs
RETURN elementId(r) AS id, type(r) AS type,
       [k IN keys(r) WHERE NOT k IN $hiddenRelKeys AND k <> 'key' | [k, r[k]]] AS properties,
       {id: a.id, name: a.name, label: [l IN labels(a) WHERE l <> 'Entity'][0]} AS source,
       {id: b.id, name: b.name, label: [l IN labels(b) WHERE l <> 'Entity'][0]} AS target,
       size(docs) AS spans,
       [i IN range(0, CASE WHEN size(docs) < $limit THEN size(docs) ELSE $limit END - 1) |
          {document: docs[i], start: r.evidenceStarts[i], end: r.evidenceEnds[i], text: r.evidenceTexts[i]}] AS evidence
