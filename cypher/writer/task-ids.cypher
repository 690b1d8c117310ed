// title: Every task id
// description: For the migration, which sets the page keys of all tasks (server/graph/writer/page-key.ts) in batches.
// parameters: none
MATCH (t:Task)
RETURN t.id AS id
