// title: Graph statistics
// description: Node and relationship totals, documents, and agencies ranked by tasks they lead or
//   support (directly; tasks through a group are counted separately as viaGroup).
// params: limit
CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
// STATES (which document states which node) is bookkeeping, not a fact; both counts come from the count store.
CALL () { MATCH ()-[r]->() RETURN count(r) AS allRelationships }
CALL () { MATCH ()-[s:STATES]->() RETURN count(s) AS states }
CALL () { MATCH (d:Document) RETURN count(d) AS documents }
CALL () { MATCH (t:Task) RETURN count(t) AS tasks }
CALL () {
  MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(t:Task)
  WITH a, count(DISTINCT t) AS tasks,
       count(DISTINCT CASE WHEN r.role = 'lead' THEN t END) AS led,
       count(DISTINCT CASE WHEN r.role = 'support' THEN t END) AS supported
  CALL (a) {
    OPTIONAL MATCH (a)-[:MEMBER_OF]->(:Agency)-[:RESPONSIBLE_FOR]->(gt:Task)
    RETURN count(DISTINCT gt) AS viaGroup
  }
  WITH a, tasks, led, supported, viaGroup
  ORDER BY tasks DESC, led DESC, a.name
  LIMIT $limit
  RETURN collect({id: a.id, name: a.name, group: coalesce(a.group, false), tasks: tasks, led: led, supported: supported, viaGroup: viaGroup}) AS agencies
}
RETURN nodes, allRelationships - states AS relationships, documents, tasks, agencies
