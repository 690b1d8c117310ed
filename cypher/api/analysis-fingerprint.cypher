// title: The graph's state, for caching whole-archive analyses
// description: How many documents are loaded and when the last was loaded: loading, replacing or removing a
//   document (by the API or the CLI loader) changes one of the two, so an analysis cached under them is current.
// params: (none)
MATCH (d:Document)
RETURN count(d) AS documents, max(d.loadedAt) AS loadedAt
