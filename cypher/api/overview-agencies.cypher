// title: Agencies with the most tasks in some roles
// description: The agencies named most often in the given roles (e.g. lead 牵头 and responsible 负责, or
//   support 配合), counted as distinct tasks they are directly listed for in one of them; most first,
//   ties by name.
// params: roles (list of lead | support | responsible), limit
MATCH (a:Entity:Agency)-[r:RESPONSIBLE_FOR]->(t:Task)
WHERE r.role IN $roles
WITH a, count(DISTINCT t) AS tasks
ORDER BY tasks DESC, a.name
LIMIT $limit
RETURN collect({id: a.id, name: a.name, tasks: tasks}) AS agencies
