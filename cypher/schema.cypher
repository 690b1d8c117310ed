// title: Graph schema
// description: Constraints and indexes the writer and the queries rely on. Applied at every start;
//   every statement is idempotent (IF NOT EXISTS). Statements are separated by semicolons at line ends.
// parameters: none

// Every node is an :Entity with a unique id; MERGE on it is what makes loading idempotent.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// Documents are looked up by content hash to skip unchanged files.
CREATE INDEX document_sha256 IF NOT EXISTS FOR (n:Document) ON (n.sha256);

// Per-label lookups the API and curated queries use.
CREATE INDEX agency_name IF NOT EXISTS FOR (n:Agency) ON (n.name);
CREATE INDEX task_number IF NOT EXISTS FOR (n:Task) ON (n.number);
CREATE INDEX plan_name IF NOT EXISTS FOR (n:Plan) ON (n.name);
CREATE INDEX indicator_name IF NOT EXISTS FOR (n:Indicator) ON (n.name);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX entity_pinyin IF NOT EXISTS FOR (n:Entity) ON (n.pinyin);
CREATE INDEX entity_initials IF NOT EXISTS FOR (n:Entity) ON (n.initials);

// Substring search over names and aliases (search's CONTAINS branch) without scanning every node.
CREATE TEXT INDEX entity_alias_text IF NOT EXISTS FOR (n:Entity) ON (n.aliasText);

// An earlier schema indexed RESPONSIBLE_FOR.documents. No query could use it (a range index does not
// answer `$doc IN r.documents`; replacement walks from the document's nodes instead) and the loader paid
// an index update for every append, so it is dropped from databases that still have it.
DROP INDEX responsible_for_docs IF EXISTS;

// Chinese full-text search over names and every printed alias.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliasText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };

// Loader: documents by their bare id (CLI --remove, API links from evidence to the source text).
CREATE INDEX document_doc_id IF NOT EXISTS FOR (n:Document) ON (n.docId);

// The graph's state (cypher/api/graph-state.cypher) reads the latest load time from this index's end
// before every cached answer, instead of reading every Document.
CREATE INDEX document_loaded_at IF NOT EXISTS FOR (n:Document) ON (n.loadedAt);

// tasks-of-agency pages an agency's tasks in this order without sorting them all
// (server/graph/writer/page-key.ts).
CREATE INDEX responsible_for_page_key IF NOT EXISTS FOR ()-[r:RESPONSIBLE_FOR]-() ON (r.pageKey);

// Support is STATES relationships (docs/graph-storage.md); the LoaderGate node of the previous shape and
// its constraint are removed by cypher/writer/migrate-states.cypher.

// Last: wait for the indexes to come online, so the first search after a fresh start does not race an
// index that is still populating.
CALL db.awaitIndexes(120);
