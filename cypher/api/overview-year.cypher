// title: The documents of one year
// description: Every document of a year (its stored `year`, else the first four characters of `issued`) and the plan each
//   describes, as lean graph elements for the canvas: bookkeeping and the text stay out.
// params: year, limit
MATCH (d:Entity:Document) WHERE coalesce(toString(d.year), CASE WHEN d.issued =~ '\\d{4}.*' THEN left(d.issued, 4) END) = $year
WITH d ORDER BY d.issued, d.id LIMIT $limit
OPTIONAL MATCH (d)-[r:DESCRIBES]->(p:Entity:Plan)
RETURN {kind: 'node', elementId: elementId(d), labels: labels(d), properties: d {.id, .docId, .name, .file, .kind, .issued, .issuer, .jurisdiction}} AS document,
       CASE WHEN p IS NOT NULL THEN {kind: 'node', elementId: elementId(p), labels: labels(p), properties: p {.id, .name, .aliases, .year, .issued, .document}} END AS plan,
       CASE WHEN r IS NOT NULL THEN {kind: 'relationship', elementId: elementId(r), type: type(r), startElementId: elementId(d), endElementId: elementId(p),
                                     properties: {}, evidence: {count: r.evidenceCount, documents: r.documentCount}} END AS describes
