// title: Relationships among returned nodes
// description: Every relationship between two nodes a console query returned, so nodes that are related
//   are drawn with their relationships even when the query did not return them (Neo4j Browser's "connect
//   result nodes"). Lean maps like cypher/api/neighbors.cypher (bookkeeping keys $hiddenRelKeys left out,
//   evidence as counts and first span), at most $limit. STATES (support bookkeeping) is not drawn.
// params: ids (list of element ids), limit, hiddenRelKeys (list)
MATCH (a)-[r:!STATES]->(b)
WHERE elementId(a) IN $ids AND elementId(b) IN $ids
RETURN {kind: 'relationship', elementId: elementId(r), type: type(r),
        startElementId: elementId(a), endElementId: elementId(b),
        properties: [k IN keys(r) WHERE NOT k IN $hiddenRelKeys | [k, r[k]]],
        evidence: {count: r.evidenceCount, documents: r.documentCount,
                   first: CASE WHEN size(r.evidenceDocs) > 0 THEN {document: r.evidenceDocs[0], start: r.evidenceStarts[0],
                                                                  end: r.evidenceEnds[0], text: r.evidenceTexts[0]} END}} AS r
LIMIT $limit
