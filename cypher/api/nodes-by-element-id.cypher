// title: Nodes by element id
// description: Fetches relationship endpoints a console or curated query returned without their nodes,
//   so the drawn graph has no dangling edges. Lean maps (bookkeeping keys $hiddenNodeKeys left out): the
//   nodes only become graph elements, and the endpoints left out are often the hubs.
// params: ids (list of element ids), hiddenNodeKeys (list)
MATCH (n) WHERE elementId(n) IN $ids
RETURN {kind: 'node', elementId: elementId(n), labels: labels(n),
        properties: [k IN keys(n) WHERE NOT k IN $hiddenNodeKeys AND NOT (k = 'text' AND n:Document) | [k, n[k]]]} AS n
