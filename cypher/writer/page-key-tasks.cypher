// title: What the page keys of tasks depend on
// description: For the tasks among $ids (others are passed over): the order, number and plan that
//   page-key.ts builds tasks-of-agency's page key from, and each RESPONSIBLE_FOR to the task with its
//   agency and its stored key, so only keys that change are written (set-page-keys.cypher). Used for the
//   tasks a write cannot key from its own facts (a task or plan that was already there, a replaced or
//   removed document's old tasks) and by the migration.
// param ids: string[] — node ids
UNWIND $ids AS id
MATCH (t:Entity {id: id})
WHERE t:Task
CALL (t) {
  // A HAS_TASK that a replacement stripped of its last document is deleted only at the end of the
  // transaction; it no longer says which plan the task is in.
  OPTIONAL MATCH (p:Plan)-[h:HAS_TASK]->(t)
  WHERE h.documentCount > 0
  RETURN min(p.name) AS plan
}
RETURN t.id AS id, t.order AS order, t.number AS number, plan,
       COLLECT { MATCH (a:Entity)-[r:RESPONSIBLE_FOR]->(t) RETURN [elementId(r), a.id, r.pageKey] } AS responsible
