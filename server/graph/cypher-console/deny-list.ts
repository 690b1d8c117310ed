/*
 * First layer of the read-only console: a lexical deny-list, checked before Neo4j sees the text. It does
 * not try to be a parser — the EXPLAIN check and the READ session are the real guards — but it stops,
 * with a readable reason, what those layers would let through or answer badly: LOAD CSV (a read as far
 * as Neo4j's plan is concerned), procedures that reach outside the graph or administer it, admin
 * commands, several statements in one request, and writes anywhere in the text (subqueries included).
 * Comments are removed and string literals blanked first, so case, comment and quoting tricks neither
 * hide a keyword nor make a harmless string look dangerous.
 */

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

const WRITE_KEYWORDS = ['CREATE', 'MERGE', 'DELETE', 'DETACH', 'SET', 'REMOVE', 'DROP', 'FOREACH', 'INSERT'];
const ADMIN_LEADERS = ['SHOW', 'TERMINATE', 'GRANT', 'REVOKE', 'DENY', 'ALTER', 'START', 'STOP', 'ENABLE', 'DEALLOCATE', 'REALLOCATE', 'RENAME', 'USE'];

/**
 * Removes comments and replaces the contents of string literals and backtick identifiers, keeping
 * offsets. `keepBackticks` keeps identifier contents (without the backticks) so procedure names written
 * as `db`.`labels` are still recognised.
 */
export function maskCypher(query: string, keepBackticks = false): string {
  let out = '';
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    const next = query[i + 1];
    if (c === '/' && next === '/') {
      while (i < query.length && query[i] !== '\n') { out += ' '; i++; }
    } else if (c === '/' && next === '*') {
      const end = query.indexOf('*/', i + 2);
      const stop = end === -1 ? query.length : end + 2;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === "'" || c === '"' || c === '`') {
      out += c === '`' && keepBackticks ? '' : c;
      i++;
      while (i < query.length && query[i] !== c) {
        if (query[i] === '\\' && c !== '`') { out += '  '; i += 2; continue; }
        out += c === '`' && keepBackticks ? query[i]! : c === '`' ? 'x' : ' ';
        i++;
      }
      if (i < query.length) { out += c === '`' && keepBackticks ? '' : c; i++; }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function word(w: string): RegExp {
  // Not part of a longer name and not a property access (n.set) or parameter ($create).
  return new RegExp(`(?<![\\w$.])${w.replace(/ /g, '\\s+')}(?![\\w$])`, 'i');
}

export function checkDenyList(query: string): DenyVerdict {
  if (query.trim() === '') return { ok: false, reason: 'The query is empty' };
  const masked = maskCypher(query);
  const statements = masked.split(';').filter((s) => s.trim() !== '');
  if (statements.length > 1) return { ok: false, reason: 'Only one statement per request is allowed' };
  if (word('LOAD\\s+CSV').test(masked)) {
    return { ok: false, reason: 'LOAD CSV reads files or URLs outside the graph and is not allowed here' };
  }
  if (word('PERIODIC\\s+COMMIT').test(masked) || word('IN\\s+TRANSACTIONS').test(masked) || word('IN\\s+\\d+\\s+CONCURRENT').test(masked)) {
    return { ok: false, reason: 'Batched transactions (IN TRANSACTIONS) are not allowed here' };
  }
  for (const kw of WRITE_KEYWORDS) {
    if (word(kw).test(masked)) return { ok: false, reason: `${kw} changes the graph; the console only reads` };
  }
  const leader = /^\s*([A-Za-z]+)/.exec(masked)?.[1]?.toUpperCase();
  if (leader && ADMIN_LEADERS.includes(leader)) {
    return { ok: false, reason: `${leader} is an administration command and is not allowed here` };
  }
  if (leader === 'CYPHER') return { ok: false, reason: 'Query options (CYPHER …) are not allowed here' };
  for (const kw of ['USE', 'TERMINATE', 'GRANT', 'REVOKE', 'DENY', 'ALTER']) {
    if (word(kw).test(masked)) return { ok: false, reason: `${kw} is an administration command and is not allowed here` };
  }
  const named = maskCypher(query, true);
  for (const m of named.matchAll(/(?<![\w$.])CALL\s+([A-Za-z_][\w]*(?:\s*\.\s*[A-Za-z_][\w]*)*)/gi)) {
    const proc = (m[1] ?? '').replace(/\s+/g, '').toLowerCase();
    if (!ALLOWED_PROCEDURES.has(proc)) return { ok: false, reason: `The procedure ${proc} is not allowed here (only read-only db.* procedures are)` };
  }
  if (/(?<![\w$.])(apoc|dbms|gds|db\.create|db\.index\.(fulltext\.(create|drop)|vector\.create))\s*\.?\s*[\w.]*\s*\(/i.test(named)) {
    return { ok: false, reason: 'Functions or procedures outside the read-only set are not allowed here' };
  }
  return { ok: true };
}

/** Strips a leading EXPLAIN or PROFILE the user typed; the console adds its own EXPLAIN. */
export function stripPlanPrefix(query: string): string {
  const stripped = query.replace(/^\s*(EXPLAIN|PROFILE)(?![\w$])/i, '');
  return stripped === query ? query : stripped.trimStart();
}
