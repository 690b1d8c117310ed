import { describe, expect, it } from 'vitest';
import { loadCypher, parseCypherFile, splitStatements } from '../../../server/graph/cypher-files.ts';

describe('cypher files', () => {
  it('parses the header into fields, collecting repeated keys and continuation lines', () => {
    const f = parseCypherFile('q', [
      '// name: tasks-of-agency',
      '// title.zh: 机构负责的任务',
      '// description: Every task of an agency,',
      '//   directly or through a group.',
      '// param agency: entity(Agency) — the agency',
      '// param limit: integer = 100 — row cap',
      '',
      'MATCH (a:Agency {id: $agency}) RETURN a',
    ].join('\n'));
    expect(f.header['name']).toBe('tasks-of-agency');
    expect(f.header['title.zh']).toBe('机构负责的任务');
    expect(f.header['description']).toBe('Every task of an agency, directly or through a group.');
    expect(f.header['param']).toEqual(['agency: entity(Agency) — the agency', 'limit: integer = 100 — row cap']);
    expect(f.text).toBe('MATCH (a:Agency {id: $agency}) RETURN a');
  });

  it('splits a schema file into statements at line-ending semicolons and drops comments', () => {
    expect(splitStatements('// a comment\nCREATE INDEX a;\n\n// b\nCREATE INDEX b\nOPTIONS {x: 1};\n')).toEqual([
      'CREATE INDEX a',
      'CREATE INDEX b\nOPTIONS {x: 1}',
    ]);
  });

  it('loads the real schema file with its header and idempotent statements only', () => {
    const schema = loadCypher('schema');
    expect(schema.header['title']).toBe('Graph schema');
    const statements = splitStatements(schema.text);
    expect(statements.length).toBeGreaterThan(3);
    // Idempotent: every CREATE says IF NOT EXISTS, every DROP IF EXISTS; the last statement waits for the indexes.
    for (const s of statements) expect(s).toMatch(/^CREATE [^;]* IF NOT EXISTS|^DROP [^;]* IF EXISTS|^CALL db\.awaitIndexes\(\d+\)$/);
  });
});
