// title: One node with its degree per relationship type
// description: The node by its id, and how many relationships of each type and direction touch it.
// params: id
MATCH (n:Entity {id: $id})
CALL (n) {
  MATCH (n)-[r]->()
  RETURN type(r) AS type, 'out' AS direction, count(r) AS count
  UNION ALL
  MATCH (n)<-[r]-()
  RETURN type(r) AS type, 'in' AS direction, count(r) AS count
}
RETURN n, collect({type: type, direction: direction, count: count}) AS degrees
