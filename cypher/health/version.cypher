// title: Database version and edition
// description: For /api/health (server/graph/health.ts): the Neo4j kernel's version and edition.
// parameters: none
CALL dbms.components() YIELD name, versions, edition
WHERE name = 'Neo4j Kernel'
RETURN versions[0] AS version, edition
