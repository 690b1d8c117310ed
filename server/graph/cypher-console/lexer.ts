/*
 * The console's view of a query as Neo4j 5.26's Cypher lexer sees it. Text checks that disagree with
 * Neo4j about what separates two words can be walked around (U+001C–U+001F were white space to Neo4j
 * and not to the old deny-list, so "\u001cSHOW SETTINGS" passed it). So this lexer uses Neo4j's own
 * white-space set, ends `//` comments where Neo4j does (\r or \n), refuses invisible characters outside
 * literals instead of guessing what Neo4j makes of them, refuses \uXXXX escapes (Neo4j 5.26 decodes them
 * before it lexes anything, even inside strings: `'a\u0027` is the string 'a' followed by code), and hands
 * Neo4j a normalised text in which every separator outside literals is a plain space, newline or tab: the
 * text checked is the text run.
 */

/**
 * Characters Neo4j 5.26 skips as white space (SPACE in its Cypher 5 lexer grammar; confirmed against the
 * embedded 5.26.30 by planning `RETURN<c>1` for every non-letter BMP code point). U+0085, U+200B and U+FEFF
 * are not among them: Neo4j treats them as part of a name, so they are refused below as invisible.
 */
export const NEO4J_WHITESPACE = /[\t\n\v\f\r\u001c-\u001f \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
/** The white space above other than tab, newline and CR (which end `//` comments and so must stay). */
const OTHER_WHITESPACE = /[\v\f\u001c-\u001f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
/** Control and format characters that are not white space to Neo4j: invisible, and part of a name to it. */
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}]/u;
const isInvisible = (c: string) => CONTROL_OR_FORMAT.test(c) && !NEO4J_WHITESPACE.test(c);

export type TokenKind = 'word' | 'escaped' | 'string' | 'number' | 'param' | 'punct';

export interface Token {
  kind: TokenKind;
  /** The token as written (for escaped names: without the backticks, `` unescaped). */
  text: string;
  /** Upper-case text, for keyword comparisons. */
  upper: string;
  offset: number;
}

export interface Lexed {
  tokens: Token[];
  /** The query with every white-space character outside literals replaced by a space (offsets kept). */
  normalised: string;
  /** Deepest nesting of (, [ and { outside literals. */
  depth: number;
  /** Deepest nesting of subqueries: `{` after EXISTS, COUNT, COLLECT, CALL or CALL (…). */
  subqueryDepth: number;
}

export class LexError extends Error {
  override name = 'LexError';
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

const SUBQUERY_OPENERS = new Set(['EXISTS', 'COUNT', 'COLLECT', 'CALL']);
const WORD_START = /[\p{L}\p{Nl}_]/u;
const WORD_PART = /[\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}_$]/u;
const NUMBER_PART = /[0-9A-Za-z_]/;

/** Line and column (1-based) of an offset, for messages. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function codePointName(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Neo4j reads `\u` + four hex digits as the character anywhere in the text, as Java's unicode escapes: a
 * backslash starts one unless an odd number of backslashes precedes it. Throws at the first one.
 */
export function refuseUnicodeEscapes(query: string): void {
  for (const m of query.matchAll(/(\\+)u/g)) {
    if (m[1]!.length % 2 === 1) {
      const at = m.index + m[1]!.length - 1;
      const { line, column } = lineColumn(query, at);
      throw new LexError(
        `The query uses a unicode escape (\\u…) at line ${line}, column ${column}; Neo4j decodes these before reading the query, even in strings, so type the character itself`,
        at,
      );
    }
  }
}

export function lexCypher(query: string): Lexed {
  refuseUnicodeEscapes(query);
  const tokens: Token[] = [];
  const out: string[] = [];
  let depth = 0;
  // Open brackets: whether each `{` opens a subquery, whether each `(` is the scope clause of CALL (…) {.
  const open: Array<{ subquery: boolean; callScope: boolean }> = [];
  let closedCallScope = false;
  let maxSubquery = 0;
  let maxDepth = 0;
  let i = 0;
  const push = (kind: TokenKind, text: string, offset: number) => tokens.push({ kind, text, upper: text.toUpperCase(), offset });
  const copy = (from: number, to: number) => out.push(query.slice(from, to));

  while (i < query.length) {
    const c = query[i]!;
    const next = query[i + 1];
    if (NEO4J_WHITESPACE.test(c)) {
      out.push(OTHER_WHITESPACE.test(c) ? ' ' : c);
      i++;
    } else if (c === '/' && next === '/') {
      let end = i + 2;
      while (end < query.length && query[end] !== '\n' && query[end] !== '\r') end++;
      copy(i, end);
      i = end;
    } else if (c === '/' && next === '*') {
      const close = query.indexOf('*/', i + 2);
      const end = close === -1 ? query.length : close + 2;
      copy(i, end);
      i = end;
    } else if (c === "'" || c === '"') {
      let end = i + 1;
      while (end < query.length && query[end] !== c) end += query[end] === '\\' ? 2 : 1;
      end = Math.min(end + 1, query.length);
      push('string', query.slice(i + 1, end - 1), i);
      copy(i, end);
      i = end;
    } else if (c === '`') {
      let end = i + 1;
      let name = '';
      for (;;) {
        if (end >= query.length) throw new LexError('A `quoted name` is not closed', i);
        if (query[end] === '`') {
          if (query[end + 1] === '`') { name += '`'; end += 2; continue; }
          break;
        }
        name += query[end]!;
        end++;
      }
      push('escaped', name, i);
      copy(i, end + 1);
      i = end + 1;
    } else if (isInvisible(String.fromCodePoint(query.codePointAt(i)!))) {
      // (a surrogate pair is one character, and visible; only a lone surrogate is refused here)
      const { line, column } = lineColumn(query, i);
      throw new LexError(`The query contains the invisible character ${codePointName(c)} at line ${line}, column ${column}; remove it`, i);
    } else if (c === '$') {
      let end = i + 1;
      if (query[end] === '`') {
        const close = query.indexOf('`', end + 1);
        end = close === -1 ? query.length : close + 1;
      } else {
        while (end < query.length && WORD_PART.test(query[end]!)) end++;
      }
      push('param', query.slice(i + 1, end), i);
      copy(i, end);
      i = end;
    } else if (WORD_START.test(c)) {
      let end = i + 1;
      while (end < query.length && WORD_PART.test(query[end]!)) end++;
      // A control or format character inside a name would make Neo4j read a different name than we do.
      if (end < query.length && isInvisible(query[end]!)) {
        const { line, column } = lineColumn(query, end);
        throw new LexError(`The query contains the invisible character ${codePointName(query[end]!)} at line ${line}, column ${column}; remove it`, end);
      }
      push('word', query.slice(i, end), i);
      copy(i, end);
      i = end;
    } else if (/[0-9]/.test(c)) {
      let end = i + 1;
      while (end < query.length && NUMBER_PART.test(query[end]!)) end++;
      if (query[end] === '.' && /[0-9]/.test(query[end + 1] ?? '')) {
        end++;
        while (end < query.length && NUMBER_PART.test(query[end]!)) end++;
      }
      push('number', query.slice(i, end), i);
      copy(i, end);
      i = end;
    } else {
      const ch = String.fromCodePoint(query.codePointAt(i)!);
      const prev = tokens.at(-1);
      if (c === '(' || c === '[' || c === '{') {
        const subquery = c === '{' && ((prev?.kind === 'word' && SUBQUERY_OPENERS.has(prev.upper)) || (prev?.text === ')' && closedCallScope));
        open.push({ subquery, callScope: c === '(' && prev?.kind === 'word' && prev.upper === 'CALL' });
        maxDepth = Math.max(maxDepth, ++depth);
        maxSubquery = Math.max(maxSubquery, open.filter((o) => o.subquery).length);
      } else if (c === ')' || c === ']' || c === '}') {
        depth = Math.max(0, depth - 1);
        closedCallScope = open.pop()?.callScope ?? false;
      }
      push('punct', ch, i);
      copy(i, i + ch.length);
      i += ch.length;
    }
  }
  return { tokens, normalised: out.join(''), depth: maxDepth, subqueryDepth: maxSubquery };
}
