/*
 * The API's own Cypher lives in cypher/api/<name>.cypher (header comment, then the query), loaded once
 * by name, so no query text is assembled in TypeScript and every user value travels as a parameter.
 */
import { loadCypher } from '../cypher-files.ts';

export function loadApiCypher(name: string): string {
  return loadCypher(`api/${name}`).text;
}
