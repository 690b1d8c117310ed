// title: One document with the spans of its facts
// description: The document (by node id or bare id) and one span per evidence entry it gave, of every
//   relationship drawn from it. Found from the document without walking a hub's relationships: each of
//   its STATES names the type, other end and key of every relationship the document states from that
//   node (outTypes, outEnds, outKeys) and holds the document's spans of them (outSpans: entry, start,
//   end), so each fact is one index seek for the other end and one expand between two known nodes,
//   typed so that Neo4j starts from whichever end has fewer relationships of that type (an untyped
//   expand between two hubs, an agency and its group, reads thousands), and no relationship's evidence
//   lists are read (a hub fact's lists hold an entry for every document that states it: a plan's 277
//   spans read 43,749 entries on the 2,000-document bench graph). One branch per type of
//   RELATIONSHIP_TYPES (a test holds the list); relationships that start at the Document itself are
//   read from it (a Document does not state itself; only it gives their evidence). A span's text is its
//   slice of the document's text, cut by documents.ts.
// params: id
CALL () {
  MATCH (d:Document {docId: $id}) RETURN d
  UNION
  MATCH (d:Entity {id: $id}) WHERE d:Document RETURN d
}
CALL (d) {
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
    // The Document's own relationships (what it describes, who issued it): only it gives their evidence.
    MATCH (d)-[r:!STATES]->(b)
    UNWIND [k IN range(0, size(r.evidenceDocs) - 1) WHERE r.evidenceDocs[k] = d.docId] AS k
    RETURN d AS a, r, b, r.evidenceStarts[k] AS start, r.evidenceEnds[k] AS end
  }
  RETURN collect({start: start, end: end, type: type(r),
                  from: a.id, fromName: a.name, to: b.id, toName: b.name, relationship: elementId(r)}) AS spans
}
RETURN d {.id, .docId, .name, .file, .kind, .issued, .sha256, .loadedAt, .text, .issuer, .jurisdiction, .size, .warnings} AS document, spans
