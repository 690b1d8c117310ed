// title: Plans that have a task-breakdown table
// description: Every plan with numbered tasks, with its year and task count, newest first, for the 分工表
//   view's plan picker.
// params: (none)
MATCH (p:Entity:Plan)
WITH p, COUNT { (p)-[:HAS_TASK]->(:Task) } AS tasks
WHERE tasks > 0
RETURN p.id AS id, p.name AS name, p.year AS year, tasks
ORDER BY coalesce(p.year, 0) DESC, p.name, p.id
