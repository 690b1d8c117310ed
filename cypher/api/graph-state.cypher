// title: The graph's state, for caching answers
// description: How many documents are loaded and when the last was loaded: loading, replacing or removing a
//   document (by the API or the CLI loader) changes one of the two, so an answer cached under them is
//   current. The node and relationship counts change with any other write that adds or deletes something
//   (a Cypher write outside the product), at no cost. All are look-ups, not scans (this runs before every
//   cached answer is sent): the counts come from the count store, the latest load time from the end of the
//   document_loaded_at index.
// params: (none)
CALL () { MATCH (d:Document) RETURN count(d) AS documents }
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () {
  OPTIONAL MATCH (d:Document) WHERE d.loadedAt IS NOT NULL
  RETURN d.loadedAt AS loadedAt ORDER BY loadedAt DESC LIMIT 1
}
RETURN documents, nodes, relationships, loadedAt
