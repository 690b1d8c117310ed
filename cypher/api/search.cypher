// title: Search entities
// description: Full-text (cjk analyzer) over name and aliases, exact name/alias matches, substring
//   matches and pinyin (full or initials) prefix matches; the best score per node wins, ties go to the
//   shorter name. Label filter as a parameter list. Only what a hit shows is returned (id, labels, name,
//   aliases): a hub's bookkeeping lists would otherwise travel with every search that finds it.
// params: q, lucene (escaped full-text query), useLucene, pinyin ('' when q is not Latin), labels (list|null), limit
CALL (*) {
  CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node, score
  WHERE $useLucene
  RETURN node, score AS score, 'fulltext' AS how
  LIMIT 200
  UNION ALL
  MATCH (node:Entity) WHERE node.name = $q
  RETURN node, 100.0 AS score, 'exact' AS how
  UNION ALL
  // aliasText has a text index, so CONTAINS is an index seek rather than a scan of every node.
  MATCH (node:Entity) WHERE node.aliasText CONTAINS $q
  RETURN node, CASE WHEN $q IN node.aliases THEN 100.0 ELSE 10.0 + 10.0 / size(node.name) END AS score,
         CASE WHEN $q IN node.aliases THEN 'exact' ELSE 'substring' END AS how
  LIMIT 200
  UNION ALL
  // No pinyin (a Chinese query) seeks with null, which finds nothing: `$pinyin <> '' AND … STARTS WITH ''`
  // was planned as a seek over every node's initials with the test applied after it (152,711 rows).
  MATCH (node:Entity) WHERE node.initials STARTS WITH CASE WHEN $pinyin = '' THEN null ELSE $pinyin END
  RETURN node, CASE WHEN node.initials = $pinyin THEN 60.0 ELSE 30.0 END AS score, 'pinyin' AS how
  LIMIT 200
  UNION ALL
  MATCH (node:Entity) WHERE node.pinyin STARTS WITH CASE WHEN $pinyin = '' THEN null ELSE $pinyin END
  RETURN node, CASE WHEN node.pinyin = $pinyin THEN 60.0 ELSE 30.0 END AS score, 'pinyin' AS how
  LIMIT 200
}
WITH node, max(score) AS score, collect(DISTINCT how) AS how
WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
WITH node, score, how
ORDER BY score DESC, size(node.name) ASC, node.name ASC, node.id ASC
LIMIT $limit
RETURN coalesce(node.id, elementId(node)) AS id, labels(node) AS labels, node.name AS name, node.aliases AS aliases,
       node.jurisdiction AS jurisdiction, score, how
