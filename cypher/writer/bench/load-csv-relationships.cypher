// title: Benchmark: LOAD CSV of one relationship type
// description: Template (__TYPE__ is replaced with a name from RELATIONSHIP_TYPES, as in
//   merge-relationships.cypher): MERGE every relationship of that type on (from, type, to, key) from a CSV
//   file served over HTTP, with its typed properties as in load-csv-nodes.cypher.
// param url: string — http URL of the relationships CSV for this type
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  WITH row, split(row.keys, '\u001f') AS keys, split(row.values, '\u001e') AS vals, split(row.types, '\u001f') AS types
  MATCH (a:Entity {id: row.from})
  MATCH (b:Entity {id: row.to})
  MERGE (a)-[r:__TYPE__ {key: row.key}]->(b)
  FOREACH (i IN CASE WHEN row.keys = '' THEN [] ELSE range(0, size(keys) - 1) END |
    SET r[keys[i]] = CASE types[i]
      WHEN 'i' THEN toInteger(vals[i]) WHEN 'f' THEN toFloat(vals[i]) WHEN 'b' THEN vals[i] = 'true'
      WHEN 'ls' THEN CASE WHEN vals[i] = '' THEN [] ELSE split(vals[i], '\u001f') END
      WHEN 'li' THEN [x IN split(vals[i], '\u001f') | toInteger(x)]
      WHEN 'lf' THEN [x IN split(vals[i], '\u001f') | toFloat(x)]
      ELSE vals[i] END)
} IN TRANSACTIONS OF 1000 ROWS
