import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQueryFile, QueryHeaderError } from '../../../server/graph/queries/query-header.ts';
import { paramsSchemaFor, QUERIES_DIR } from '../../../server/graph/queries/curated.ts';

const SAMPLE = `// name: tasks-of-agency
// title.zh: 机构负责的任务
// title.en: Tasks of an agency
// description.zh: 机构负责的全部任务。
// description.en: Every task the agency is responsible for,
//   directly or as a member of a group.
// param agency: entity(Agency) — the agency's id
// param agency.zh: 机构 — 输入机构名称
// param agency.en: Agency — type an agency's name
// param limit: integer = 200 — at most this many rows
// param limit.zh: 每页条数
// param limit.en: Rows per page
// param strict: boolean = false
// param strict.zh: 严格匹配
// param strict.en: Strict
MATCH (a:Agency {id: $agency}) RETURN a LIMIT $limit`;

describe('the curated query header parser', () => {
  it('reads an integer range, enforces it in the parameter schema and refuses a default outside it', () => {
    const source = SAMPLE.replace('integer = 200 — at most this many rows', 'integer(1..500) = 50 — page size');
    const { header } = parseQueryFile('x.cypher', source);
    expect(header.params[1]).toEqual({ name: 'limit', type: 'integer', parsed: { kind: 'integer' }, min: 1, max: 500, default: 50, description: 'page size', label: { zh: '每页条数', en: 'Rows per page' } });
    const schema = paramsSchemaFor(header);
    expect(schema.safeParse({ agency: 'a' }).data).toMatchObject({ limit: 50 });
    expect(schema.safeParse({ agency: 'a', limit: 500 }).success).toBe(true);
    expect(schema.safeParse({ agency: 'a', limit: 501 }).error?.issues[0]).toMatchObject({ path: ['limit'], message: 'must be at most 500' });
    expect(schema.safeParse({ agency: 'a', limit: 0 }).error?.issues[0]).toMatchObject({ path: ['limit'], message: 'must be at least 1' });
    expect(() => parseQueryFile('x.cypher', SAMPLE.replace('integer = 200', 'integer(1..100) = 200'))).toThrow(QueryHeaderError);
  });

  it('reads name, both titles, a continued description and typed parameters with defaults', () => {
    const { header, text } = parseQueryFile('x.cypher', SAMPLE);
    expect(header.name).toBe('tasks-of-agency');
    expect(header.title).toEqual({ zh: '机构负责的任务', en: 'Tasks of an agency' });
    expect(header.description).toEqual({ zh: '机构负责的全部任务。', en: 'Every task the agency is responsible for, directly or as a member of a group.' });
    expect(header.params).toEqual([
      { name: 'agency', type: 'entity(Agency)', parsed: { kind: 'entity', label: 'Agency' }, description: "the agency's id", label: { zh: '机构', en: 'Agency' }, placeholder: { zh: '输入机构名称', en: "type an agency's name" } },
      { name: 'limit', type: 'integer', parsed: { kind: 'integer' }, default: 200, description: 'at most this many rows', label: { zh: '每页条数', en: 'Rows per page' } },
      { name: 'strict', type: 'boolean', parsed: { kind: 'boolean' }, default: false, label: { zh: '严格匹配', en: 'Strict' } },
    ]);
    expect(text).toBe('MATCH (a:Agency {id: $agency}) RETURN a LIMIT $limit');
  });

  it('rejects an unknown parameter type, a bad default and a missing title with the file name', () => {
    expect(() => parseQueryFile('a.cypher', SAMPLE.replace('integer = 200', 'float = 2'))).toThrow(/a\.cypher: cannot read 'param limit/);
    expect(() => parseQueryFile('b.cypher', SAMPLE.replace('integer = 200', 'integer = lots'))).toThrow(QueryHeaderError);
    expect(() => parseQueryFile('c.cypher', SAMPLE.replace('// title.en: Tasks of an agency\n', ''))).toThrow(/c\.cypher: both/);
  });

  it('requires the description and every parameter label in both languages, and refuses a label for an undeclared parameter', () => {
    expect(() => parseQueryFile('d.cypher', SAMPLE.replace('// description.zh: 机构负责的全部任务。\n', ''))).toThrow(/d\.cypher: both 'description\.zh' and 'description\.en'/);
    expect(() => parseQueryFile('e.cypher', SAMPLE.replace('// description.zh:', '// description:'))).toThrow(/e\.cypher: write the description as/);
    expect(() => parseQueryFile('f.cypher', SAMPLE.replace('// param limit.zh: 每页条数\n', ''))).toThrow(/f\.cypher: param limit: both 'param limit\.zh' and 'param limit\.en'/);
    expect(() => parseQueryFile('g.cypher', SAMPLE.replace('// param agency.en: Agency — type an agency\'s name', '// param agency.en: Agency'))).toThrow(/g\.cypher: param agency: a placeholder in one language/);
    expect(() => parseQueryFile('h.cypher', `${SAMPLE.split('\nMATCH')[0]}\n// param year.zh: 年份\n// param year.en: Year\nMATCH (a) RETURN a`)).toThrow(/h\.cypher: 'param year\.zh\/\.en' labels a parameter that is not declared/);
  });

  it('builds a parameter schema that applies defaults and names a wrong field', () => {
    const schema = paramsSchemaFor(parseQueryFile('x.cypher', SAMPLE).header);
    expect(schema.parse({ agency: 'agency:x' })).toEqual({ agency: 'agency:x', limit: 200, strict: false });
    const bad = schema.safeParse({ agency: 'agency:x', limit: 'many' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['limit']);
    expect(schema.safeParse({}).error?.issues[0]?.path).toEqual(['agency']);
    expect(schema.safeParse({ agency: 'a', nope: 1 }).success).toBe(false);
  });

  it('parses every shipped query file in cypher/queries', () => {
    const files = fs.readdirSync(QUERIES_DIR).filter((f) => f.endsWith('.cypher'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) {
      const { header } = parseQueryFile(f, fs.readFileSync(path.join(QUERIES_DIR, f), 'utf8'));
      expect(`${header.name}.cypher`).toBe(f);
      expect(header.params.length).toBeGreaterThan(0);
      // The Chinese texts are Chinese: a copied English line would pass the parser but not the user.
      for (const zh of [header.title.zh, header.description.zh, ...header.params.map((p) => p.label.zh)]) expect(zh).toMatch(/\p{Script=Han}/u);
    }
  });
});
