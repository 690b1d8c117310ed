/*
 * Size limits a console request must keep before anything reaches Neo4j: the length of the query text,
 * how deeply it nests brackets (300 nested parentheses kept Neo4j's parser busy for 120 s) and
 * subqueries (planning nested EXISTS { … } grows about 1.5× per level on 5.26: 12 levels 1.5 s, 14 levels
 * 3.4 s, 20 levels over 15 s), and how deeply its parameters nest (5,000 levels crashed Neo4j's Bolt
 * connection handler, after which the API said "Neo4j is unavailable" while it was up). Each refusal is
 * a 400 naming the limit and its setting.
 */
import { AppError } from '../../errors.ts';

export interface ConsoleLimits {
  maxQueryChars: number;
  maxNesting: number;
  maxParamDepth: number;
  maxSubqueryDepth: number;
}

function tooBig(message: string, setting: string, max: number): AppError {
  return new AppError(400, 'BAD_REQUEST', `${message}; at most ${max} ${setting === 'CYPHER_MAX_QUERY_CHARS' ? 'characters are' : 'levels are'} allowed (${setting})`, { limit: setting, max });
}

export function checkQueryLength(query: string, limits: ConsoleLimits): void {
  if (query.length > limits.maxQueryChars) {
    throw tooBig(`The query is ${query.length} characters long`, 'CYPHER_MAX_QUERY_CHARS', limits.maxQueryChars);
  }
}

export function checkNesting(nesting: { depth: number; subqueryDepth: number }, limits: ConsoleLimits): void {
  if (nesting.depth > limits.maxNesting) throw tooBig(`The query nests brackets ${nesting.depth} levels deep`, 'CYPHER_MAX_NESTING', limits.maxNesting);
  if (nesting.subqueryDepth > limits.maxSubqueryDepth) {
    throw tooBig(`The query nests subqueries ${nesting.subqueryDepth} levels deep`, 'CYPHER_MAX_SUBQUERY_DEPTH', limits.maxSubqueryDepth);
  }
}

/** Depth of a JSON value (a scalar is 0, `[1]` is 1), counted without recursion and only up to limit + 1. */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const here = depth + 1;
    deepest = Math.max(deepest, here);
    if (here > limit) return here;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, here]);
  }
  return deepest;
}

export function checkParams(params: Record<string, unknown>, limits: ConsoleLimits): void {
  for (const [name, value] of Object.entries(params)) {
    const depth = nestingDepth(value, limits.maxParamDepth);
    if (depth > limits.maxParamDepth) {
      throw tooBig(`The parameter '${name}' nests lists or maps more than ${limits.maxParamDepth} levels deep`, 'CYPHER_MAX_PARAM_DEPTH', limits.maxParamDepth);
    }
  }
}
