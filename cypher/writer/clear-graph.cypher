// title: Delete the whole graph
// description: --reset. Runs in its own batches (auto-commit), so it is not used inside a transaction.
// parameters: none
MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
