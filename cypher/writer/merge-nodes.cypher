// title: Create the nodes that do not exist yet
// description: MERGE on the unique id for every node a write transaction states, in id order. A node it
//   creates gets its whole property map and labels at once (combine-documents.ts newNodeProps) and stays
//   write-locked until commit, so a second loader stating the same new node waits and then finds it. A
//   node that exists is neither written nor locked here: most of a transaction's existing nodes are hubs
//   (agencies, districts, indicators) that every other transaction states too, and locking them made
//   transactions run one after another (docs/loading.md); merge-existing-nodes writes the few that the
//   documents change. Returns the ids this statement created (no relationship can exist at them yet, so
//   create-relationships needs no MERGE), and the id and name of each existing Plan: a task's page key
//   holds its plan's name, and the writer keys a new task from its facts when that name is the stored one
//   (write-plan.ts pageKeysToRecheck). MERGE cannot say whether it created, so a created node is
//   marked and unmarked in the same transaction; only created nodes are touched, since even a REMOVE of
//   a missing property would lock an existing node. Labels are dynamic ($(row.labels)); their values were
//   checked against NODE_LABELS by the zod contract and prepare-facts.ts.
//   Rows are positional and the id travels once, inside the property map (write-plan.ts).
//   CYPHER replan=skip: the plan is a unique-index seek whatever the statistics, and a load that grows the
//   graph fast made Neo4j re-plan it every few transactions (docs/loading.md, Query plans).
// param rows: list of [labels, props], sorted by props.id
CYPHER replan=skip
UNWIND $rows AS row
MERGE (n:Entity {id: row[1].id})
ON CREATE SET n = row[1], n:$(row[0]), n._created = true
WITH n, row, n._created IS NOT NULL AS created
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | REMOVE n._created)
RETURN collect(CASE WHEN created THEN row[1].id END) AS created,
       collect(CASE WHEN NOT created AND n:Plan THEN [n.id, n.name] END) AS plans
