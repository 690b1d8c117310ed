// title: Loaded documents and their hashes
// description: What the loader reads before extracting, so unchanged files are skipped without work.
// parameters: none
MATCH (d:Document)
RETURN d.docId AS docId, d.sha256 AS sha256, d.file AS file
