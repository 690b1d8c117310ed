// title: List documents
// description: The document library: every loaded document with its metadata, size and the counts of what
//   was read from it (stored on the Document node at load time; null for documents loaded before they
//   were), filtered, sorted and paged in the database. The sort key is one of a fixed list the route
//   validates; documents without a value for it come last in either direction, ties go by document id.
//   Only the page's documents are projected, so the texts of the others are never read.
// params: q (lower-cased title/file search or null), year (four digits or null), issuer, jurisdiction, kind (each or null), sort, desc (boolean), offset, limit
MATCH (d:Document)
WHERE ($q IS NULL OR toLower(coalesce(d.name, '')) CONTAINS $q OR toLower(coalesce(d.file, '')) CONTAINS $q)
  AND ($year IS NULL OR coalesce(toString(d.year), CASE WHEN d.issued =~ '\\d{4}.*' THEN left(d.issued, 4) END) = $year)
  AND ($issuer IS NULL OR d.issuer = $issuer)
  AND ($jurisdiction IS NULL OR d.jurisdiction = $jurisdiction)
  AND ($kind IS NULL OR d.kind = $kind)
WITH d,
  CASE $sort
    WHEN 'title' THEN d.name WHEN 'file' THEN d.file WHEN 'loadedAt' THEN d.loadedAt
    WHEN 'issuer' THEN d.issuer WHEN 'issued' THEN coalesce(d.issued, toString(d.year))
  END AS textKey,
  CASE $sort
    WHEN 'size' THEN d.size WHEN 'tasks' THEN d.taskCount WHEN 'responsibilities' THEN d.responsibilityCount
    WHEN 'entities' THEN d.entityCount WHEN 'targets' THEN d.targetCount WHEN 'warnings' THEN d.warningCount
  END AS numKey
ORDER BY (textKey IS NULL AND numKey IS NULL),
  CASE WHEN $desc THEN textKey END DESC, CASE WHEN NOT $desc THEN textKey END ASC,
  CASE WHEN $desc THEN numKey END DESC, CASE WHEN NOT $desc THEN numKey END ASC,
  d.docId
WITH collect(d) AS ds
WITH size(ds) AS total, ds[$offset..($offset + $limit)] AS page
RETURN total, [d IN page | {
  id: d.id, docId: d.docId, title: d.name, file: d.file, kind: d.kind, issued: d.issued,
  year: coalesce(toString(d.year), CASE WHEN d.issued =~ '\\d{4}.*' THEN left(d.issued, 4) END),
  issuer: d.issuer, jurisdiction: d.jurisdiction, jurisdictionLevel: d.jurisdictionLevel,
  size: d.size, length: size(coalesce(d.text, '')), loadedAt: d.loadedAt, nodes: COUNT { (d)-[:STATES]->() },
  plan: head([(d)-[:DESCRIBES]->(p:Plan) | p.id]),
  counts: CASE WHEN d.taskCount IS NULL THEN null ELSE {
    tasks: d.taskCount, responsibilities: d.responsibilityCount, entities: d.entityCount,
    targets: d.targetCount, observations: d.observationCount, warnings: d.warningCount
  } END
}] AS documents
