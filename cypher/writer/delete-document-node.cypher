// title: Delete a Document node
// description: Last step of --remove, after its facts were stripped.
// param docNodeId: string — `document:<documentId>`
MATCH (d:Entity {id: $docNodeId})
DETACH DELETE d
RETURN count(*) AS deleted
