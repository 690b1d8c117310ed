// title: Delete nodes no document supports
// description: Among the nodes a document touched, deletes those left with an empty support set.
// param ids: string[] — node ids
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE size(coalesce(n.documents, [])) = 0
DETACH DELETE n
RETURN count(*) AS deleted
