// title: Overview counts
// description: What the graph holds at a glance, for the arrival screen: how many documents, plans, tasks
//   and agencies, and the documents per year (the stored `year`: the printed date's, a plan title's or an inferred dateline's;
//   documents loaded before it was stored fall back to the date's; oldest first), with those whose date is unknown
//   counted apart. Counts by label come from the count store; the years are one pass over the Documents.
// params: none
CALL () { MATCH (d:Entity:Document) RETURN count(d) AS documents }
CALL () { MATCH (p:Entity:Plan) RETURN count(p) AS plans }
CALL () { MATCH (t:Entity:Task) RETURN count(t) AS tasks }
CALL () { MATCH (a:Entity:Agency) RETURN count(a) AS agencies }
CALL () {
  MATCH (d:Entity:Document)
  WITH coalesce(toString(d.year), CASE WHEN d.issued =~ '\\d{4}.*' THEN left(d.issued, 4) END) AS year WHERE year IS NOT NULL
  WITH year, count(*) AS count ORDER BY year
  RETURN collect({year: year, count: count}) AS years
}
CALL () {
  MATCH (d:Entity:Document) WHERE coalesce(toString(d.year), CASE WHEN d.issued =~ '\\d{4}.*' THEN left(d.issued, 4) END) IS NULL
  RETURN count(d) AS undated
}
RETURN documents, plans, tasks, agencies, years, undated
