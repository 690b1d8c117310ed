/*
 * First layer of the read-only console: a check of the query's words, as Neo4j's lexer splits them
 * (lexer.ts), before Neo4j sees the text. It does not try to be a parser — the plan check and the READ
 * session are the real guards — but it refuses, with a readable reason and no database round trip:
 * anything that does not start like a read (an allow-list of leading clauses, so every administration
 * command, USE and query options are out whatever follows), LOAD CSV, writes and administration words
 * anywhere (subqueries included), procedures outside a read-only set, and several statements at once.
 * A word is a keyword only where Neo4j could read it as one: not after `.` (property), `:` (label or type),
 * as a map key, in backticks, in a string or in a comment.
 */
import { lexCypher, LexError, NEO4J_WHITESPACE, type Token } from './lexer.ts';

export interface DenyVerdict {
  ok: boolean;
  reason?: string;
}

/** Read-only procedures the console may call; every other procedure is refused. */
export const ALLOWED_PROCEDURES = new Set([
  'db.labels', 'db.relationshiptypes', 'db.propertykeys', 'db.schema.visualization', 'db.schema.nodetypeproperties',
  'db.schema.reltypeproperties', 'db.index.fulltext.querynodes', 'db.index.fulltext.queryrelationships',
  'db.index.fulltext.listavailableanalyzers', 'db.index.vector.querynodes', 'db.index.vector.queryrelationships',
  'db.info', 'db.ping',
]);

/** The clauses a console query may start with; everything else (SHOW, TERMINATE, USE, CYPHER, CREATE …) is refused. */
const LEADING_CLAUSES = new Set(['MATCH', 'OPTIONAL', 'WITH', 'UNWIND', 'RETURN', 'CALL']);

/** Words that write, load or administer wherever they stand as keywords. */
const REFUSED_WORDS: Record<string, string> = {
  CREATE: 'changes the graph', MERGE: 'changes the graph', DELETE: 'changes the graph', DETACH: 'changes the graph',
  NODETACH: 'changes the graph', SET: 'changes the graph', REMOVE: 'changes the graph', DROP: 'changes the graph',
  FOREACH: 'changes the graph', INSERT: 'changes the graph',
  LOAD: 'reads files or URLs outside the graph (LOAD CSV)', PERIODIC: 'runs batched transactions', TRANSACTIONS: 'runs or administers transactions',
  CONCURRENT: 'runs batched transactions',
  SHOW: 'is an administration command', TERMINATE: 'is an administration command', USE: 'switches the database',
  GRANT: 'is an administration command', REVOKE: 'is an administration command', DENY: 'is an administration command',
  ALTER: 'is an administration command', DEALLOCATE: 'is an administration command', REALLOCATE: 'is an administration command',
  RENAME: 'is an administration command', DRYRUN: 'is an administration command',
};

/** Function namespaces that reach outside the graph or administer it (none ships with the embedded Neo4j). */
const REFUSED_NAMESPACES = /^(apoc|dbms|gds|tx|db\.(create|index\.(fulltext|vector)\.(create|drop)|clear|stats|checkpoint|await|resample|prepare))/;

function isKeywordPosition(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.kind !== 'word') return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (prev?.kind === 'punct' && (prev.text === '.' || prev.text === ':')) return false;
  // A map key: `{set: 1}` or `{a: 1, set: 2}`.
  if (next?.kind === 'punct' && next.text === ':' && prev?.kind === 'punct' && (prev.text === '{' || prev.text === ',')) return false;
  return true;
}

/** The dotted name starting at token i (`db.labels`, `` `dbms`.`listConfig` ``), and the index after it. */
function dottedName(tokens: Token[], i: number): { name: string; end: number } {
  const parts: string[] = [];
  let j = i;
  while (tokens[j] && (tokens[j]!.kind === 'word' || tokens[j]!.kind === 'escaped')) {
    parts.push(tokens[j]!.text);
    if (tokens[j + 1]?.text === '.' && (tokens[j + 2]?.kind === 'word' || tokens[j + 2]?.kind === 'escaped')) j += 2;
    else { j++; break; }
  }
  return { name: parts.join('.').toLowerCase(), end: j };
}

export function checkTokens(tokens: Token[]): DenyVerdict {
  if (tokens.length === 0) return { ok: false, reason: 'The query is empty' };
  const semicolon = tokens.findIndex((t) => t.kind === 'punct' && t.text === ';');
  if (semicolon !== -1 && tokens.slice(semicolon).some((t) => !(t.kind === 'punct' && t.text === ';'))) {
    return { ok: false, reason: 'Only one statement per request is allowed' };
  }
  const first = tokens[0]!;
  if (first.kind !== 'word' || !LEADING_CLAUSES.has(first.upper)) {
    const what = first.kind === 'word' ? first.upper : `'${first.text}'`;
    const why = first.upper === 'CYPHER' ? 'Query options (CYPHER …) are not allowed here' : `A console query starts with MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN or CALL, not ${what}`;
    return { ok: false, reason: REFUSED_WORDS[first.upper] ? `${first.upper} ${REFUSED_WORDS[first.upper]}; the console only reads` : why };
  }
  for (let i = 0; i < tokens.length; i++) {
    if (!isKeywordPosition(tokens, i)) continue;
    const t = tokens[i]!;
    const refused = REFUSED_WORDS[t.upper];
    if (refused) {
      return { ok: false, reason: `${t.upper} ${refused}; the console only reads (a variable of that name can be written in backticks)` };
    }
    const next = tokens[i + 1];
    if (t.upper === 'CALL' && next && !(next.kind === 'punct' && (next.text === '{' || next.text === '('))) {
      const proc = dottedName(tokens, i + 1).name;
      if (!ALLOWED_PROCEDURES.has(proc)) return { ok: false, reason: `The procedure ${proc || '(unnamed)'} is not allowed here (only read-only db.* procedures are)` };
    }
  }
  // Namespaced function calls: a dotted name followed by `(`.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' && t.kind !== 'escaped') continue;
    if (tokens[i - 1]?.text === '.' || tokens[i - 1]?.upper === 'CALL') continue;
    const { name, end } = dottedName(tokens, i);
    if (name.includes('.') && tokens[end]?.text === '(' && REFUSED_NAMESPACES.test(name)) {
      return { ok: false, reason: `The function ${name} is not allowed here (functions outside the read-only set are refused)` };
    }
  }
  return { ok: true };
}

/** Lexes the query as Neo4j would and checks its words; an unreadable query is refused with the reason. */
export function checkDenyList(query: string): DenyVerdict {
  try {
    return checkTokens(lexCypher(query).tokens);
  } catch (err) {
    if (err instanceof LexError) return { ok: false, reason: err.message };
    throw err;
  }
}

const PLAN_PREFIX = new RegExp(`^${NEO4J_WHITESPACE.source}*(EXPLAIN|PROFILE)(?![\\p{L}\\p{N}_$])`, 'iu');

/** Strips a leading EXPLAIN or PROFILE the user typed (after any white space Neo4j skips); the console adds its own EXPLAIN. */
export function stripPlanPrefix(query: string): string {
  const m = PLAN_PREFIX.exec(query);
  return m ? query.slice(m[0].length) : query;
}
