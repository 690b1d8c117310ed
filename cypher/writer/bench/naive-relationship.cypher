// title: Benchmark: one relationship per transaction
// description: Template (__TYPE__ from RELATIONSHIP_TYPES): the naive baseline MERGEs a single
//   relationship, with its evidence, in its own transaction.
// param row: map — {from, to, key, props, evidenceStarts, evidenceEnds, evidenceTexts}
// param docId: string
MATCH (a:Entity {id: $row.from})
MATCH (b:Entity {id: $row.to})
MERGE (a)-[r:__TYPE__ {key: $row.key}]->(b)
SET r += $row.props, r.documents = coalesce(r.documents, []) + $docId,
    r.evidenceStarts = coalesce(r.evidenceStarts, []) + $row.evidenceStarts,
    r.evidenceEnds = coalesce(r.evidenceEnds, []) + $row.evidenceEnds,
    r.evidenceTexts = coalesce(r.evidenceTexts, []) + $row.evidenceTexts
