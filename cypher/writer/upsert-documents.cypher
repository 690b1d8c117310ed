// title: Write Document nodes
// description: Replaces each Document node's properties with the new version's (sha256, text, counts of
//   what was read …). What it states is recorded as STATES relationships (create-states.cypher), not here.
//   CYPHER replan=skip: the plan is a unique-index seek whatever the statistics, and a load that grows the
//   graph fast made Neo4j re-plan it every few transactions (docs/loading.md, Query plans).
// param rows: list of {docNodeId, props} — props: id, docId, name, file, kind, issued, sha256, text, search keys, counts
// param loadedAt: string — ISO time
CYPHER replan=skip
UNWIND $rows AS row
MATCH (d:Entity {id: row.docNodeId})
SET d = row.props
SET d:Document, d.loadedAt = $loadedAt
RETURN count(*) AS written
