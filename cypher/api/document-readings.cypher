// title: One document read: its text, what was read from it, and the entity of every span
// description: The reading view of one document (by node id or bare id). Every evidence span of every
//   relationship the document supports becomes one reading, attached to the end of the relationship that
//   the span prints: the start for the types in $namedAtStart (an agency responsible for a task, a park
//   located in a district, a figure of an indicator), the end otherwise (the task of a plan, a mention,
//   a target set by a task). Readings of the same span and entity are one, with the relationship types
//   that gave it. Found as document.cypher finds them (outTypes/outEnds/outKeys on the document's STATES,
//   one typed expand per fact, the spans from outSpans), so it never walks every relationship of a hub
//   nor reads a hub fact's evidence lists; a span's text is cut from the document's text by
//   document-readings.ts.
// params: id, namedAtStart (list of relationship types)
CALL () {
  MATCH (d:Document {docId: $id}) RETURN d
  UNION
  MATCH (d:Entity {id: $id}) WHERE d:Document RETURN d
}
CALL (d) {
  // The document's facts as document.cypher finds them: the type and other end of each relationship it
  // states from a node are on its STATES to that node, so each is a seek and a typed expand between two
  // known nodes; relationships that start at the Document are its own.
  CALL (d) {
    MATCH (d)-[s:STATES]->(a)
    UNWIND range(0, size(s.outTypes) - 1) AS i
    MATCH (b:Entity {id: s.outEnds[i]})
    WITH s, i, a, b, s.outTypes[i] AS type
    CALL (a, b, type) {
      WITH * WHERE type = 'HAS_TASK' MATCH (a)-[r:HAS_TASK]->(b) RETURN r
      UNION ALL
      WITH * WHERE type = 'RESPONSIBLE_FOR' MATCH (a)-[r:RESPONSIBLE_FOR]->(b) RETURN r
      UNION ALL
      WITH * WHERE type = 'MEMBER_OF' MATCH (a)-[r:MEMBER_OF]->(b) RETURN r
      UNION ALL
      WITH * WHERE type = 'GOVERNS' MATCH (a)-[r:GOVERNS]->(b) RETURN r
      UNION ALL
      WITH * WHERE type = 'LOCATED_IN' MATCH (a)-[r:LOCATED_IN]->(b) RETURN r
      UNION ALL
      WITH * WHERE type = 'MENTIONS' MATCH (a)-[r:MENTIONS]->(b) RETURN r
      UNION ALL
      WITH * WHERE type = 'SETS_TARGET' MATCH (a)-[r:SETS_TARGET]->(b) RETURN r
      UNION ALL
      WITH * WHERE type = 'REPORTS' MATCH (a)-[r:REPORTS]->(b) RETURN r
      UNION ALL
      WITH * WHERE type = 'OF' MATCH (a)-[r:OF]->(b) RETURN r
      UNION ALL
      WITH * WHERE type = 'IMPLEMENTS' MATCH (a)-[r:IMPLEMENTS]->(b) RETURN r
      UNION ALL
      WITH * WHERE type = 'REFERENCES' MATCH (a)-[r:REFERENCES]->(b) RETURN r
      UNION ALL
      WITH * WHERE type = 'ISSUED_BY' MATCH (a)-[r:ISSUED_BY]->(b) RETURN r
      UNION ALL
      WITH * WHERE type = 'ADDRESSED_TO' MATCH (a)-[r:ADDRESSED_TO]->(b) RETURN r
      UNION ALL
      WITH * WHERE type = 'DESCRIBES' MATCH (a)-[r:DESCRIBES]->(b) RETURN r
    }
    WITH s, i, a, b, r WHERE coalesce(r.key, '') = s.outKeys[i]
    UNWIND [j IN range(0, size(s.outSpans) / 3 - 1) WHERE s.outSpans[3 * j] = i | 3 * j] AS j
    RETURN a, r, b, s.outSpans[j + 1] AS start, s.outSpans[j + 2] AS end
    UNION ALL
    MATCH (d)-[r:!STATES]->(b)
    UNWIND [k IN range(0, size(r.evidenceDocs) - 1) WHERE r.evidenceDocs[k] = d.docId] AS k
    RETURN d AS a, r, b, r.evidenceStarts[k] AS start, r.evidenceEnds[k] AS end
  }
  WITH start, end, CASE WHEN type(r) IN $namedAtStart THEN a ELSE b END AS e, collect(DISTINCT type(r)) AS relationships
  RETURN collect({start: start, end: end, relationships: relationships,
                  entity: {id: e.id, labels: labels(e), name: e.name}}) AS readings
}
RETURN d {.id, .docId, .name, .file, .kind, .issued, .sha256, .issuer, .jurisdiction, .size, .loadedAt, .text, .warnings,
  plan: head([(d)-[:DESCRIBES]->(p:Plan) | p.id]),
  counts: CASE WHEN d.taskCount IS NULL THEN null ELSE {
    tasks: d.taskCount, responsibilities: d.responsibilityCount, entities: d.entityCount,
    targets: d.targetCount, observations: d.observationCount, warnings: d.warningCount
  } END} AS document, readings
