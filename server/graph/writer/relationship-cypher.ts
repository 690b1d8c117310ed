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

/** The writer's own relationship type besides the facts': a Document's support of a node (docs/graph-storage.md). */
export const SUPPORT_TYPE = 'STATES';

/** cypher/<template>.cypher with __TYPE__ replaced by `type`, which must be in RELATIONSHIP_TYPES or be SUPPORT_TYPE. */
export function cypherForType(template: string, type: RelationshipType | typeof SUPPORT_TYPE): string {
  if (!(RELATIONSHIP_TYPES as readonly string[]).includes(type) && type !== SUPPORT_TYPE) {
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
