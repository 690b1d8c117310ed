// title: Set the page keys of tasks' RESPONSIBLE_FOR relationships
// description: tasks-of-agency lists an agency's tasks ordered by plan name, printed order, task number
//   and task id, 50 at a time; for an agency with 15,000 tasks, sorting them all for every page cost
//   1.4 s. So each RESPONSIBLE_FOR stores `pageKey` = agency id, a tab, then that order as one string; the tab sorts below every printable
//   character and is written as the escape \t, which the read-only console accepts (it refuses \u escapes)
//   (a flag that puts missing values last, as ORDER BY does, before each part; the order zero-padded),
//   and the range index responsible_for_page_key hands a page out in key order, one index seek per
//   agency. This is the one definition of that order: the writer runs it for the tasks of every write
//   transaction (a task's plan, order and number come from its documents), the migration for all tasks.
// param ids: string[] — node ids; those that are not Tasks are passed over
UNWIND $ids AS id
MATCH (t:Entity {id: id})
WHERE t:Task
CALL (t) {
  // A HAS_TASK that a replacement stripped of its last document is deleted only at the end of the
  // transaction; it no longer says which plan the task is in.
  OPTIONAL MATCH (p:Plan)-[h:HAS_TASK]->(t)
  WHERE size(coalesce(h.documents, [])) > 0
  RETURN min(p.name) AS plan
}
WITH t, plan, coalesce(t.order, toInteger(t.number)) AS ord
WITH t, CASE WHEN plan IS NULL THEN '1' ELSE '0' + plan END + '\t'
  + CASE WHEN ord IS NULL THEN '1' ELSE '0' + right('000000000000' + toString(ord), 12) END + '\t'
  + CASE WHEN t.number IS NULL THEN '1' ELSE '0' + t.number END + '\t' + t.id AS key
MATCH (a:Entity)-[r:RESPONSIBLE_FOR]->(t)
WITH r, a.id + '\t' + key AS pageKey
WHERE r.pageKey IS NULL OR r.pageKey <> pageKey
SET r.pageKey = pageKey
RETURN count(*) AS set
