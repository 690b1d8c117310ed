import { describe, expect, it } from 'vitest';
import { lexCypher, LexError, NEO4J_WHITESPACE } from '../../../server/graph/cypher-console/lexer.ts';
import { INVISIBLES, NEO4J_SPACES } from '../../fixtures/cypher-attacks.ts';

describe('the console lexer', () => {
  it('reads every character Neo4j skips as white space as a separator, and hands Neo4j a plain space for it', () => {
    for (const ws of NEO4J_SPACES) {
      const { tokens, normalised } = lexCypher(`MATCH${ws}(n)${ws}RETURN${ws}n`);
      expect(tokens.map((t) => t.text)).toEqual(['MATCH', '(', 'n', ')', 'RETURN', 'n']);
      expect(normalised).toHaveLength(`MATCH${ws}(n)${ws}RETURN${ws}n`.length);
      expect(normalised).toMatch(/^MATCH[ \t\n\r]\(n\)[ \t\n\r]RETURN[ \t\n\r]n$/);
    }
  });

  it('keeps white space inside strings and names as it was', () => {
    const q = "RETURN '\u001c\u3000' AS `a\u3000b`";
    expect(lexCypher(q).normalised).toBe(q);
  });

  it('refuses an invisible character outside literals, naming it and where it is', () => {
    for (const c of INVISIBLES) {
      expect(() => lexCypher(`RETURN${c} 1`), JSON.stringify(c)).toThrow(LexError);
      expect(() => lexCypher(`RETURN x${c}y`), JSON.stringify(c)).toThrow(LexError);
    }
    expect(() => lexCypher('RETURN\n \u200b1')).toThrow(/U\+200B at line 2, column 2/);
    expect(() => lexCypher('RETURN \ud83d 1')).toThrow(/U\+D83D/);
    expect(lexCypher('MATCH (n:`\ud83d\ude00`) RETURN n /* \ud83d\ude00 */, 1 \ud840\udc00').tokens.at(-1)?.text).toBe('\ud840\udc00');
  });

  it('does not count U+0085, U+200B or U+FEFF as white space, as Neo4j does not', () => {
    for (const c of ['\u0085', '\u200b', '\ufeff']) expect(NEO4J_WHITESPACE.test(c)).toBe(false);
  });

  it('ends a line comment at CR or LF and skips block comments', () => {
    expect(lexCypher('// x\rRETURN /* y */ 1').tokens.map((t) => t.text)).toEqual(['RETURN', '1']);
  });

  it('reads backticked names with doubled backticks and keeps them apart from keywords', () => {
    const [t] = lexCypher('`SH``OW`').tokens;
    expect(t).toMatchObject({ kind: 'escaped', text: 'SH`OW' });
  });

  it('measures how deeply brackets nest outside literals', () => {
    expect(lexCypher(`RETURN ${'('.repeat(30)}1${')'.repeat(30)}, '((((('`).depth).toBe(30);
    expect(lexCypher('MATCH (n {a: [1, {b: 2}]}) RETURN n').depth).toBe(4);
  });

  it('counts subquery nesting apart from maps and patterns', () => {
    expect(lexCypher('MATCH (n {a: {b: {c: 1}}}) RETURN n').subqueryDepth).toBe(0);
    expect(lexCypher('MATCH (n) WHERE EXISTS { MATCH (n) WHERE COUNT { (n)--() } > 1 } RETURN n').subqueryDepth).toBe(2);
    expect(lexCypher('MATCH (n) CALL (n) { CALL { RETURN 1 AS x } RETURN x } RETURN n, COLLECT { MATCH (n) RETURN n.x } AS l').subqueryDepth).toBe(2);
  });
});
