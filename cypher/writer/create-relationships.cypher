// title: Create the relationships of one type that cannot exist yet
// description: A template like merge-relationships.cypher (__TYPE__ from RELATIONSHIP_TYPES only). For rows
//   with an end that merge-nodes created in this transaction: no relationship can be there yet, so the
//   MERGE's existence check (an expand over the other end, often an agency with thousands of tasks) is
//   skipped and the relationship is created with its whole property map. Returns one count per row, which
//   the writer checks: the end that exists may have been deleted by a concurrent removal, and MATCH skips
//   such a row without a word.
// param rows: list of {from, to, created} — created: the whole property map (see merge-relationships.cypher)
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:__TYPE__]->(b)
SET r = row.created
RETURN count(*) AS created
