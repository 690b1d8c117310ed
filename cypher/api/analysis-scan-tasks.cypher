// title: Who is named on which task, as small integers
// description: One list per task that a plan has: the indexes of its plans, -1, then one code per RESPONSIBLE_FOR
//   (agency index * $roleSpace + role code: $roles, else 0 without a role, else $otherRole). The indexes are the
//   positions of the element ids in analysis-scan-index.cypher's lists, passed back as maps; -2 marks a plan or
//   agency the maps do not know (one loaded in between: the scan is read again). No names or text travel: on
//   the bench graph the 225k responsibilities are about 1 MB instead of the ~20 MB their element ids would be.
// params: plans (map element id → index), agencies (map element id → index), roles (map role → code), roleSpace, otherRole
MATCH (t:Task)
WITH t, [(p:Plan)-[:HAS_TASK]->(t) | coalesce($plans[elementId(p)], -2)] AS plans
WHERE size(plans) > 0
RETURN collect(plans + [-1] + [(x:Agency)-[r:RESPONSIBLE_FOR]->(t) |
  coalesce($agencies[elementId(x)], -2) * $roleSpace + coalesce($roles[r.role], CASE WHEN r.role IS NULL THEN 0 ELSE $otherRole END)]) AS tasks
