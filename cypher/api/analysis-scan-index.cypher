// title: Plans and agencies of the responsibility scan
// description: The plans that have tasks (with their task count) and every agency (whether it is named on a task,
//   and the agencies that are its members), each with its element id, which the task scan
//   (analysis-scan-tasks.cypher) turns into small integers. Collaboration, workload and the analysis filters are
//   counted from the two in server/analysis/responsibilities.ts.
// params: (none)
CALL () {
  MATCH (p:Plan) WHERE EXISTS { (p)-[:HAS_TASK]->(:Task) }
  RETURN collect({key: elementId(p), id: p.id, name: p.name, year: p.year, tasks: COUNT { (p)-[:HAS_TASK]->(:Task) }}) AS plans
}
CALL () {
  MATCH (a:Agency)
  RETURN collect({key: elementId(a), id: a.id, name: a.name, group: a.group, jurisdiction: a.jurisdiction,
                  named: EXISTS { (a)-[:RESPONSIBLE_FOR]->(:Task) },
                  members: COLLECT { MATCH (m:Agency)-[:MEMBER_OF]->(a) RETURN DISTINCT elementId(m) }}) AS agencies
}
RETURN plans, agencies
