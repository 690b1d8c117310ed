// title: Shortest paths between two entities
// description: All shortest paths (undirected, at most 10 hops; $maxHops filters further) between two
//   nodes. Documents are skipped as stepping stones unless $throughDocuments, since every document
//   mentions half the graph and would make every path trivial. Nodes and relationships come back as
//   lean maps (bookkeeping keys $hiddenNodeKeys / $hiddenRelKeys left out, evidence as counts and the
//   first span), since paths tend to run through hubs, whose bookkeeping is the largest.
// params: from, to, maxHops, limit, throughDocuments, hiddenNodeKeys (list), hiddenRelKeys (list)
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..10]-(b))
WHERE length(p) <= $maxHops
  // STATES (support bookkeeping) is no path; Neo4j checks this predicate during the search.
  AND all(r IN relationships(p) WHERE type(r) <> 'STATES')
  AND ($throughDocuments OR all(x IN nodes(p)[1..-1] WHERE NOT x:Document))
WITH p
LIMIT $limit
RETURN [n IN nodes(p) | {kind: 'node', elementId: elementId(n), labels: labels(n),
                         properties: [k IN keys(n) WHERE NOT k IN $hiddenNodeKeys AND NOT (k = 'text' AND n:Document) | [k, n[k]]]}] AS nodes,
       [r IN relationships(p) | {kind: 'relationship', elementId: elementId(r), type: type(r),
                                 startElementId: elementId(startNode(r)), endElementId: elementId(endNode(r)),
                                 properties: [k IN keys(r) WHERE NOT k IN $hiddenRelKeys | [k, r[k]]],
                                 evidence: {count: r.evidenceCount, documents: r.documentCount,
                                            first: CASE WHEN size(r.evidenceDocs) > 0 THEN {document: r.evidenceDocs[0], start: r.evidenceStarts[0],
                                                                                           end: r.evidenceEnds[0], text: r.evidenceTexts[0]} END}}] AS rels
