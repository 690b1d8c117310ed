// title: Neighbour totals per relationship type and direction, from the degree store
// description: How many relationships of each type leave and enter the node, so a client can say
//   "50 of 230 shown" and the neighbours page (cypher/api/neighbors.cypher) knows which types a page
//   covers. Each COUNT of a typed pattern with a bare other end is a degree look-up (on a dense node,
//   one read of the relationship group), not an expansion, so a hub with 10,000 relationships costs what
//   a task with three costs. One line per relationship type of RELATIONSHIP_TYPES
//   (server/extract/graph-facts.ts; a unit test holds the two together); STATES, the support
//   bookkeeping, is not a neighbour. With a label filter the other end must be read:
//   neighbor-totals-by-label.cypher. Also the node itself, as a lean map.
// params: id, hiddenNodeKeys (list)
MATCH (n:Entity {id: $id})
RETURN {kind: 'node', elementId: elementId(n), labels: labels(n),
        properties: [k IN keys(n) WHERE NOT k IN $hiddenNodeKeys AND NOT (k = 'text' AND n:Document) | [k, n[k]]]} AS n,
       [
         {type: 'ADDRESSED_TO', out: COUNT { (n)-[:ADDRESSED_TO]->() }, in: COUNT { (n)<-[:ADDRESSED_TO]-() }},
         {type: 'DESCRIBES', out: COUNT { (n)-[:DESCRIBES]->() }, in: COUNT { (n)<-[:DESCRIBES]-() }},
         {type: 'GOVERNS', out: COUNT { (n)-[:GOVERNS]->() }, in: COUNT { (n)<-[:GOVERNS]-() }},
         {type: 'HAS_TASK', out: COUNT { (n)-[:HAS_TASK]->() }, in: COUNT { (n)<-[:HAS_TASK]-() }},
         {type: 'IMPLEMENTS', out: COUNT { (n)-[:IMPLEMENTS]->() }, in: COUNT { (n)<-[:IMPLEMENTS]-() }},
         {type: 'ISSUED_BY', out: COUNT { (n)-[:ISSUED_BY]->() }, in: COUNT { (n)<-[:ISSUED_BY]-() }},
         {type: 'LOCATED_IN', out: COUNT { (n)-[:LOCATED_IN]->() }, in: COUNT { (n)<-[:LOCATED_IN]-() }},
         {type: 'MEMBER_OF', out: COUNT { (n)-[:MEMBER_OF]->() }, in: COUNT { (n)<-[:MEMBER_OF]-() }},
         {type: 'MENTIONS', out: COUNT { (n)-[:MENTIONS]->() }, in: COUNT { (n)<-[:MENTIONS]-() }},
         {type: 'OF', out: COUNT { (n)-[:OF]->() }, in: COUNT { (n)<-[:OF]-() }},
         {type: 'REFERENCES', out: COUNT { (n)-[:REFERENCES]->() }, in: COUNT { (n)<-[:REFERENCES]-() }},
         {type: 'REPORTS', out: COUNT { (n)-[:REPORTS]->() }, in: COUNT { (n)<-[:REPORTS]-() }},
         {type: 'RESPONSIBLE_FOR', out: COUNT { (n)-[:RESPONSIBLE_FOR]->() }, in: COUNT { (n)<-[:RESPONSIBLE_FOR]-() }},
         {type: 'SETS_TARGET', out: COUNT { (n)-[:SETS_TARGET]->() }, in: COUNT { (n)<-[:SETS_TARGET]-() }}
       ] AS counts
