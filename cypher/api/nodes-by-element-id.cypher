// title: Nodes by element id
// description: Fetches relationship endpoints a console or curated query returned without their nodes,
//   so the drawn graph has no dangling edges.
// params: ids (list of element ids)
MATCH (n) WHERE elementId(n) IN $ids
RETURN n
