// title: Terminate transactions
// description: Marks the given transactions terminated (the watchdog's answer to a console query that
//   outlived its timeout). Neo4j stops a query at its next termination check; see console-transactions.
// params: ids (list of transaction ids)
TERMINATE TRANSACTIONS $ids
YIELD transactionId, message
RETURN transactionId, message
