// title: Set the nodes no document supported yet
// description: Nodes lock-nodes just created, or that a replacement stripped of their last document: their
//   whole property map is replaced by the one combine-documents.ts computed (search keys, aliases, aliasText,
//   aliasSources, documents), so nothing of an older version survives. Labels are dynamic ($(row.labels));
//   their values were checked against NODE_LABELS by the zod contract and prepare-facts.ts.
// param rows: list of {id, labels, props}
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n = row.props
SET n:$(row.labels)
RETURN count(*) AS created
