// title: List documents
// description: Every loaded document with its metadata and text length, newest issue first.
// params: none
MATCH (d:Document)
RETURN d.id AS id, d.docId AS docId, d.name AS title, d.file AS file, d.kind AS kind, d.issued AS issued,
       d.loadedAt AS loadedAt, size(coalesce(d.text, '')) AS length, size(coalesce(d.nodeIds, [])) AS nodes
ORDER BY coalesce(d.issued, '') DESC, d.docId
