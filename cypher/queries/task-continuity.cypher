// name: task-continuity
// title.zh: 两份规划的任务对照
// title.en: Tasks of two plans side by side
// description.zh: 两份规划(通常是同一序列中相邻年份的两份)的全部编号任务,按原文顺序,附标题、正文和按原文顺序的责任单位。分析模式的“历年规划”据此按标题和正文的相似度为每项任务找到下一年的对应任务,并比较各机构职责的变化。
// description.en: Every numbered task of two plans (usually neighbours in a series, one year apart) in printed
//   order, with title, text and responsible agencies in printed order. The Analysis mode's Plans over time
//   matches each task to its counterpart in the later plan by the similarity of title and text and compares
//   each agency's responsibilities.
// param from: entity(Plan) — the earlier plan's id
// param from.zh: 前一份规划
// param from.en: Earlier plan
// param to: entity(Plan) — the later plan's id
// param to.zh: 后一份规划
// param to.en: Later plan
UNWIND [{side: 'from', plan: $from}, {side: 'to', plan: $to}] AS s
MATCH (p:Entity:Plan {id: s.plan})-[:HAS_TASK]->(t:Task)
CALL (t) {
  OPTIONAL MATCH (ag:Agency)-[r:RESPONSIBLE_FOR]->(t)
  // An agency printed in two lists of one task is one entry, at its first place, with its strongest role.
  WITH ag, collect(r.role) AS rs, min(r.rank) AS first
  ORDER BY first, ag.name
  RETURN collect(ag) AS agencies, collect(coalesce(head([role IN ['lead', 'responsible', 'support'] WHERE role IN rs]), rs[0])) AS roles
}
RETURN s.side AS side, t.id AS taskId, t.number AS number, t.section AS section, t.title AS title, t.text AS text,
       [x IN agencies | x.name] AS responsible, roles,
       // Agencies are hubs with bookkeeping that grows with the corpus: lean maps.
       [x IN agencies | {kind: 'node', elementId: elementId(x), labels: labels(x), properties: x {.id, .name, .aliases, .group}}] AS agencies
ORDER BY side, coalesce(t.order, toInteger(t.number)), number, taskId
