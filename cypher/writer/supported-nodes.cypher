// title: Which of these nodes a document supports
// description: After a replacement stripped its old version, tells the writer which of its old nodes
//   other documents still support (the rest are set afresh if the new version states them again).
// param ids: string[] — node ids
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN collect(CASE WHEN size(coalesce(n.documents, [])) > 0 THEN id END) AS supported
