// title: Node and relationship counts for health
// description: For /api/health, which monitors poll: count-store look-ups only, no scan. Relationships
//   are the facts, without the STATES support bookkeeping (docs/graph-storage.md), as /api/stats counts them.
// parameters: none
CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS allRelationships }
CALL () { MATCH ()-[s:STATES]->() RETURN count(s) AS states }
RETURN nodes, allRelationships - states AS relationships
