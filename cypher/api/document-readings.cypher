// title: One document read: its text, what was read from it, and the entity of every span
// description: The reading view of one document (by node id or bare id). Every evidence span of every
//   relationship the document supports becomes one reading, attached to the end of the relationship that
//   the span prints: the start for the types in $namedAtStart (an agency responsible for a task, a park
//   located in a district, a figure of an indicator), the end otherwise (the task of a plan, a mention,
//   a target set by a task). Readings of the same span and entity are one, with the relationship types
//   that gave it. Found through the nodes the document states, so it never scans every relationship in
//   the graph.
// params: id, namedAtStart (list of relationship types)
MATCH (d:Document) WHERE d.id = $id OR d.docId = $id
CALL (d) {
  // The nodes it states: STATES relationships, or the nodeIds list of the storage before them.
  UNWIND [(d)-[:STATES]->(n) | n.id] + coalesce(d.nodeIds, []) + [d.id] AS nid
  WITH DISTINCT d, nid
  MATCH (a:Entity {id: nid})-[r]->(b)
  WHERE d.docId IN r.evidenceDocs
  WITH DISTINCT r, a, b
  WITH r, CASE WHEN type(r) IN $namedAtStart THEN a ELSE b END AS e
  UNWIND range(0, size(r.evidenceDocs) - 1) AS i
  WITH r, e, i WHERE r.evidenceDocs[i] = d.docId
  WITH r.evidenceStarts[i] AS start, r.evidenceEnds[i] AS end, r.evidenceTexts[i] AS text, e, collect(DISTINCT type(r)) AS relationships
  RETURN collect({start: start, end: end, text: text, relationships: relationships,
                  entity: {id: e.id, labels: labels(e), name: e.name}}) AS readings
}
RETURN d {.id, .docId, .name, .file, .kind, .issued, .sha256, .issuer, .jurisdiction, .size, .loadedAt, .text, .warnings,
  plan: head([(d)-[:DESCRIBES]->(p:Plan) | p.id]),
  counts: CASE WHEN d.taskCount IS NULL THEN null ELSE {
    tasks: d.taskCount, responsibilities: d.responsibilityCount, entities: d.entityCount,
    targets: d.targetCount, observations: d.observationCount, warnings: d.warningCount
  } END} AS document, readings
