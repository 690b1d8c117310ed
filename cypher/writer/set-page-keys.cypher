// title: Set the page keys of RESPONSIBLE_FOR relationships
// description: Writes tasks-of-agency's page key (server/graph/writer/page-key.ts, the one definition of
//   that order) onto the relationships page-key-tasks.cypher found with a missing or different one.
// param rows: list of [elementId, pageKey] — a RESPONSIBLE_FOR relationship and its key
UNWIND $rows AS row
MATCH ()-[r:RESPONSIBLE_FOR]->()
WHERE elementId(r) = row[0]
SET r.pageKey = row[1]
RETURN count(*) AS set
