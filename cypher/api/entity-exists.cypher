// title: Does an entity exist
// description: Used to tell "unknown id" (404) from "no results".
// params: ids (list)
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
RETURN id, n IS NOT NULL AS exists
