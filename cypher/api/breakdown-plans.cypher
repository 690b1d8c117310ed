// title: Plans that have a task-breakdown table
// description: Every plan with numbered tasks, with its year, task count and area (its document's
//   jurisdiction), newest first, for the 分工表 view's plan picker: two cities' 市政府工作报告重点工作责任分解
//   are told apart by their area.
// params: (none)
MATCH (p:Entity:Plan)
WITH p, COUNT { (p)-[:HAS_TASK]->(:Task) } AS tasks
WHERE tasks > 0
OPTIONAL MATCH (d:Entity:Document)-[:DESCRIBES]->(p)
WITH p, tasks, min(d.jurisdiction) AS jurisdiction
RETURN p.id AS id, p.name AS name, p.year AS year, tasks, jurisdiction
ORDER BY coalesce(p.year, 0) DESC, p.name, p.id
