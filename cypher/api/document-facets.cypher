// title: Document library facets
// description: What the library's filters can offer, over all loaded documents: the years of issue, the
//   issuers and jurisdictions, the kinds, each with how many documents have it (most first; years newest
//   first). One pass per facet over the Document nodes, which are a few thousand at most.
// params: none
CALL () {
  MATCH (d:Document)
  WITH coalesce(toString(d.year), CASE WHEN d.issued =~ '\\d{4}.*' THEN left(d.issued, 4) END) AS year WHERE year IS NOT NULL
  WITH year, count(*) AS count ORDER BY year DESC
  RETURN collect({year: year, count: count}) AS years
}
CALL () {
  MATCH (d:Document) WHERE d.issuer IS NOT NULL
  WITH d.issuer AS issuer, count(*) AS count ORDER BY count DESC, issuer
  RETURN collect({issuer: issuer, count: count}) AS issuers
}
CALL () {
  MATCH (d:Document) WHERE d.jurisdiction IS NOT NULL
  WITH d.jurisdiction AS jurisdiction, count(*) AS count ORDER BY count DESC, jurisdiction
  RETURN collect({jurisdiction: jurisdiction, count: count}) AS jurisdictions
}
CALL () {
  MATCH (d:Document) WHERE d.kind IS NOT NULL
  WITH d.kind AS kind, count(*) AS count ORDER BY count DESC, kind
  RETURN collect({kind: kind, count: count}) AS kinds
}
RETURN years, issuers, jurisdictions, kinds
