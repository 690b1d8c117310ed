// title: Console transactions
// description: The transactions a console query with the given watchdog id still runs (its id travels as
//   transaction metadata), so the watchdog can terminate them and tell whether they stopped.
// params: watchId (string)
SHOW TRANSACTIONS YIELD transactionId, metaData, status, elapsedTime
WHERE metaData.consoleWatchId = $watchId
RETURN transactionId, status
