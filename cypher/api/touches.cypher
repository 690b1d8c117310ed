// title: What a plan or document touches (two hops)
// description: For a Plan, or a Document (through the plan it DESCRIBES, plus what the document itself
//   MENTIONS): the entities with one of $labels that the plan's tasks mention or that are responsible for
//   them, each with the tasks that link them, most-touched first; $limit entities with their tasks and
//   links, and how many there are in all per label. Elements are lean maps (graph-elements.ts).
// params: id, labels (list), limit, hiddenNodeKeys (list), hiddenRelKeys (list)
MATCH (x:Entity {id: $id})
WHERE x:Plan OR x:Document
OPTIONAL MATCH (x)-[d:DESCRIBES]->(described:Plan)
WITH x, d, coalesce(described, x) AS p
CALL (x, p) {
  MATCH (p:Plan)-[h:HAS_TASK]->(t:Task)-[r:MENTIONS]->(e:Entity)
  WHERE any(l IN labels(e) WHERE l IN $labels)
  RETURN e, t, h, r
  UNION ALL
  MATCH (p:Plan)-[h:HAS_TASK]->(t:Task)<-[r:RESPONSIBLE_FOR]-(e:Entity)
  WHERE any(l IN labels(e) WHERE l IN $labels)
  RETURN e, t, h, r
  UNION ALL
  MATCH (x:Document)-[r:MENTIONS]->(e:Entity)
  WHERE any(l IN labels(e) WHERE l IN $labels)
  RETURN e, null AS t, null AS h, r
}
WITH x, d, p, e, collect(DISTINCT t) AS tasks, collect(DISTINCT h) AS hs, collect(DISTINCT r) AS rs
ORDER BY size(tasks) DESC, e.name, e.id
WITH x, d, p, collect({e: e, label: [l IN labels(e) WHERE l <> 'Entity'][0], tasks: tasks, hs: hs, rs: rs}) AS everyone
WITH x, d, p, everyone, everyone[..$limit] AS page
UNWIND (CASE WHEN size(page) = 0 THEN [null] ELSE page END) AS item
UNWIND (CASE WHEN item IS NULL OR size(item.tasks) = 0 THEN [null] ELSE item.tasks END) AS t
UNWIND (CASE WHEN item IS NULL THEN [null] ELSE item.hs + item.rs END) AS r
WITH x, d, p, everyone, collect(DISTINCT item.e) AS es, collect(DISTINCT t) AS ts, collect(DISTINCT r) AS rels
RETURN [l IN $labels | {label: l, count: size([i IN everyone WHERE i.label = l])}] AS totals,
       size(everyone) AS total,
       [n IN [x, p] + es + ts | {kind: 'node', elementId: elementId(n), labels: labels(n),
          properties: [k IN keys(n) WHERE NOT k IN $hiddenNodeKeys AND NOT (k = 'text' AND n:Document) | [k, n[k]]]}] AS nodes,
       [r IN rels + CASE WHEN d IS NULL THEN [] ELSE [d] END | {kind: 'relationship', elementId: elementId(r), type: type(r),
          startElementId: elementId(startNode(r)), endElementId: elementId(endNode(r)),
          properties: [k IN keys(r) WHERE NOT k IN $hiddenRelKeys | [k, r[k]]],
          evidence: {count: r.evidenceCount, documents: r.documentCount,
                     first: CASE WHEN size(r.evidenceDocs) > 0 THEN {document: r.evidenceDocs[0], start: r.evidenceStarts[0],
                                                                    end: r.evidenceEnds[0], text: r.evidenceTexts[0]} END}}] AS rels
