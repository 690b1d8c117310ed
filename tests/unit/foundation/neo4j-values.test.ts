import neo4j, { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toAppError, syntaxPosition } from '../../../server/graph/neo4j-errors.ts';
import { toPlain } from '../../../server/graph/neo4j-values.ts';
import { AppError } from '../../../server/errors.ts';

describe('toPlain', () => {
  it('turns Neo4j integers into numbers, and ones beyond 2^53 into strings', () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain(neo4j.int('9007199254740993'))).toBe('9007199254740993');
  });

  it('turns temporals into ISO strings and walks lists and maps', () => {
    const d = new neo4j.types.Date(2021, 3, 23);
    expect(toPlain({ when: d, list: [neo4j.int(1), 'a'] })).toEqual({ when: '2021-03-23', list: [1, 'a'] });
  });

  it('turns a node into a plain object with its labels and converted properties', () => {
    const n = new neo4j.types.Node(neo4j.int(1), ['Entity', 'Agency'], { id: 'agency:x', rank: neo4j.int(2) }, '4:abc:1');
    expect(toPlain(n)).toEqual({ kind: 'node', elementId: '4:abc:1', labels: ['Entity', 'Agency'], properties: { id: 'agency:x', rank: 2 } });
  });
});

describe('toAppError', () => {
  it('maps an unavailable database to 503 with a reason', () => {
    const e = toAppError(new Neo4jError('connect ECONNREFUSED 127.0.0.1:7687', 'ServiceUnavailable', '', ''));
    expect(e.status).toBe(503);
    expect(e.code).toBe('NEO4J_UNAVAILABLE');
  });

  it('maps a syntax error to 400 with the position Neo4j printed', () => {
    const msg = "Invalid input 'RETRUN': expected 'RETURN' (line 1, column 10 (offset: 9))";
    const e = toAppError(new Neo4jError(msg, 'Neo.ClientError.Statement.SyntaxError', '', ''));
    expect(e.status).toBe(400);
    expect(e.code).toBe('CYPHER_SYNTAX');
    expect(e.details).toMatchObject({ position: { line: 1, column: 10, offset: 9 } });
    expect(syntaxPosition('no position here')).toBeUndefined();
  });

  it('maps a timed-out transaction to 408 and a write in a read session to 403', () => {
    expect(toAppError(new Neo4jError('timed out', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', '', '')).status).toBe(408);
    expect(toAppError(new Neo4jError('Writing in read access mode not allowed', 'Neo.ClientError.Statement.AccessMode', '', '')).status).toBe(403);
  });

  it('never exposes an unknown error, and passes AppErrors through', () => {
    const e = toAppError(new TypeError('boom at /srv/x.ts:10'));
    expect(e.status).toBe(500);
    expect(e.message).toBe('Internal error');
    const own = AppError.notFound('gone');
    expect(toAppError(own)).toBe(own);
  });
});
