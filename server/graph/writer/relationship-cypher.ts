/*
 * The relationship MERGE needs its type in the query text: Neo4j 5.26 accepts a dynamic type
 * (`[r:$(row.type)]`) but plans it ~40x slower, since it cannot expand by type. So templates in
 * cypher/writer/ get a type name substituted here — and only a name from the RELATIONSHIP_TYPES
 * whitelist, checked right at the substitution.
 */
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../extract/graph-facts.ts';
import { loadCypher } from '../cypher-files.ts';

const PLACEHOLDER = /__TYPE__/g;
const cache = new Map<string, string>();

/** cypher/<template>.cypher with __TYPE__ replaced by `type`, which must be in RELATIONSHIP_TYPES. */
export function cypherForType(template: string, type: RelationshipType): string {
  if (!(RELATIONSHIP_TYPES as readonly string[]).includes(type)) {
    throw new Error(`refusing to build Cypher for relationship type ${JSON.stringify(type)}: not in RELATIONSHIP_TYPES`);
  }
  const key = `${template}::${type}`;
  let text = cache.get(key);
  if (!text) {
    text = loadCypher(template).text.replace(PLACEHOLDER, type);
    cache.set(key, text);
  }
  return text;
}

export function mergeRelationshipsCypher(type: RelationshipType): string {
  return cypherForType('writer/merge-relationships', type);
}

export function createRelationshipsCypher(type: RelationshipType): string {
  return cypherForType('writer/create-relationships', type);
}
