// title: Texts of documents
// description: The original decoded text of each listed document (by bare document id or node id),
//   used to cut the sentence around an evidence span.
// params: docs (list)
MATCH (d:Document) WHERE d.docId IN $docs OR d.id IN $docs
RETURN d.docId AS docId, d.id AS id, d.name AS title, d.text AS text
