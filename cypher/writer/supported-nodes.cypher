// title: Which of these nodes other documents still support
// description: After a replacement or removal stripped a document's relationships, tells the writer which
//   of its old nodes another Document still states (its nodeIds hold the id), with what they give the
//   node: the lowest such document id (the new propsDoc) and the aliases those documents printed
//   (aliasPairs, "<nodeId>\u001f<alias>"). The Documents being written or removed in this transaction are
//   left out: their stored lists are the old versions. One pass over all Documents: a node's support is
//   not stored on the node, so hubs stated by thousands of documents cost loads nothing (docs/loading.md).
// param ids: string[] — node ids
// param docNodeIds: string[] — the Document nodes this transaction writes or removes
MATCH (d:Document)
WHERE NOT d.id IN $docNodeIds
CALL (d) {
  UNWIND d.nodeIds AS id
  WITH id WHERE id IN $ids
  RETURN id, null AS alias
  UNION ALL
  UNWIND coalesce(d.aliasPairs, []) AS pair
  WITH split(pair, '\u001f') AS kv WHERE kv[0] IN $ids
  RETURN kv[0] AS id, kv[1] AS alias
}
RETURN id, min(d.docId) AS owner, collect(DISTINCT alias) AS aliases
