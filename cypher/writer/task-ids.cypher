// title: Every task id
// description: For the migration, which sets the page keys of all tasks (set-page-keys.cypher) in batches.
// parameters: none
MATCH (t:Task)
RETURN t.id AS id
