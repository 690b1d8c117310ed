// title: The most recent plan
// description: The plan issued last (by its own date, else its document's; ties by id), with its sections
//   in printed order (tasks per section) and the agencies responsible for its tasks, most tasks first,
//   with how many they lead. Null values when no plan is loaded.
// params: limit
MATCH (p:Entity:Plan)
OPTIONAL MATCH (d:Entity:Document)-[:DESCRIBES]->(p)
WITH p, min(d.id) AS document, max(d.issued) AS docIssued
WITH p, document, coalesce(p.issued, docIssued) AS issued
ORDER BY issued IS NULL, issued DESC, p.year IS NULL, p.year DESC, p.id
LIMIT 1
CALL (p) {
  MATCH (p)-[:HAS_TASK]->(t:Task)
  WITH coalesce(t.section, '') AS section, count(t) AS tasks, min(coalesce(t.order, toInteger(t.number))) AS first
  ORDER BY first, section
  RETURN collect({section: section, tasks: tasks}) AS sections, sum(tasks) AS taskCount
}
CALL (p) {
  MATCH (p)-[:HAS_TASK]->(t:Task)<-[r:RESPONSIBLE_FOR]-(a:Agency)
  WITH a, count(DISTINCT t) AS tasks, count(DISTINCT CASE WHEN r.role = 'lead' THEN t END) AS led
  ORDER BY tasks DESC, led DESC, a.name
  WITH collect({id: a.id, name: a.name, tasks: tasks, led: led}) AS ranked
  RETURN ranked[0..$limit] AS agencies, size(ranked) AS agencyCount
}
RETURN {id: p.id, name: p.name, issued: issued, year: p.year, document: document, tasks: taskCount,
        sections: sections, agencies: agencies, agencyCount: agencyCount} AS plan
