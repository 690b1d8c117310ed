// title: What the analysis views can be filtered by
// description: Plans that have tasks (id, name, year, task count), and the jurisdictions of agencies named on tasks.
// params: (none)
CALL () {
  MATCH (p:Plan)-[:HAS_TASK]->(t:Task)
  WITH p, count(t) AS tasks
  ORDER BY p.year DESC, p.name
  RETURN collect({id: p.id, name: p.name, year: p.year, tasks: tasks}) AS plans
}
CALL () {
  MATCH (a:Agency) WHERE a.jurisdiction IS NOT NULL AND EXISTS { (a)-[:RESPONSIBLE_FOR]->(:Task) }
  WITH a.jurisdiction AS j, count(a) AS agencies
  ORDER BY agencies DESC, j
  RETURN collect({name: j, agencies: agencies}) AS jurisdictions
}
RETURN plans, jurisdictions
