// title: Delete the whole graph
// description: --reset. Relationships first, then nodes, each in batches of their own (auto-commit), so
//   no inner transaction has to detach an agency with tens of thousands of relationships along with 5,000
//   other nodes (that ran out of transaction memory on a 2,000-document graph). Not for use inside a
//   transaction.
// parameters: none
MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS;
MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS;
