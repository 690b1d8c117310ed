// title: Delete relationships no document supports
// description: Among the relationships strip-relationships touched, deletes those that the new facts
//   did not support again.
// param relIds: string[] — element ids returned by strip-relationships
UNWIND $relIds AS rid
MATCH ()-[r]->()
WHERE elementId(r) = rid AND r.documentCount = 0
DELETE r
RETURN count(*) AS deleted
