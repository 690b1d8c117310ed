// title: Totals of district-contents
// description: How many parks, companies and institutions lie in the district (directly or inside one
//   of its parks), and how many rows district-contents has in all (those plus the district itself).
// params: district
MATCH (d:Entity:District {id: $district})
OPTIONAL MATCH (x:Entity)-[:LOCATED_IN*1..2]->(d)
WHERE x:Park OR x:Company OR x:Institution
WITH DISTINCT x
RETURN count(CASE WHEN x:Park THEN x END) AS parks, count(CASE WHEN x:Company THEN x END) AS companies,
       count(CASE WHEN x:Institution THEN x END) AS institutions, count(x) + 1 AS all
