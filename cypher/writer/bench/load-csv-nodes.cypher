// title: Benchmark: LOAD CSV of nodes
// description: Neo4j's own bulk path for a live database, for bench/load.bench.ts: MERGE every node of an
//   exported graph from a CSV file served over HTTP. Typed properties travel as parallel keys/values/types
//   columns (lists joined with U+001F) and are set with dynamic keys.
// param url: string — http URL of the nodes CSV
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  WITH row, split(row.keys, '\u001f') AS keys, split(row.values, '\u001e') AS vals, split(row.types, '\u001f') AS types
  MERGE (n:Entity {id: row.id})
  SET n:$(row.label)
  FOREACH (i IN CASE WHEN row.keys = '' THEN [] ELSE range(0, size(keys) - 1) END |
    SET n[keys[i]] = CASE types[i]
      WHEN 'i' THEN toInteger(vals[i]) WHEN 'f' THEN toFloat(vals[i]) WHEN 'b' THEN vals[i] = 'true'
      WHEN 'ls' THEN CASE WHEN vals[i] = '' THEN [] ELSE split(vals[i], '\u001f') END
      WHEN 'li' THEN [x IN split(vals[i], '\u001f') | toInteger(x)]
      WHEN 'lf' THEN [x IN split(vals[i], '\u001f') | toFloat(x)]
      ELSE vals[i] END)
} IN TRANSACTIONS OF 1000 ROWS
