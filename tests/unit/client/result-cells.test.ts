import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUERIES_DIR } from '../../../server/graph/queries/curated.ts';
import { en } from '../../../client/src/i18n/en.ts';
import { columnName, propName, roleName } from '../../../client/src/i18n/index.ts';
import { zh } from '../../../client/src/i18n/zh.ts';
import { localCell } from '../../../client/src/state/result-cells.ts';

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[A-Za-z]{2,}/;
/** Names that are the same in both languages: formats, products and the other language's own name. */
const SAME_IN_BOTH = /\b(?:Cypher|JSON|PNG|SVG|CSV|GraphML|WebGL|Canvas|English|KB|view|MATCH|RETURN|LIMIT|Agency|Task|Ctrl|Enter|Esc|Shift|id|true|false|E|txt|md|html|UTF|GBK|GB18030|Louvain|XLSX|TF-IDF|docx|doc|wps|WPS|Word)\b/g;

describe('the result cells of a curated query in the Explore drawer', () => {
  it('name roles, relationship types, labels and directions in the UI language', () => {
    expect(localCell('zh', 'roles', ['lead', 'support', 'responsible'])).toBe('牵头、配合、负责');
    expect(localCell('en', 'roles', ['lead', 'support'])).toBe('lead, support');
    expect(localCell('zh', 'chain', ['IMPLEMENTS', 'REFERENCES'])).toBe('落实、引用');
    expect(localCell('zh', 'kind', 'Park')).toBe('园区');
    expect(localCell('zh', 'kind', 'observation')).toBe('实际值');
    expect(localCell('en', 'kind', 'observation')).toBe('reported');
    expect(localCell('zh', 'direction', 'upstream')).toBe('上游');
    expect(localCell('zh', 'via', 'direct')).toBe('直接');
    expect(localCell('zh', 'isGroup', true)).toBe('是');
    expect(localCell('zh', 'rels', [{ kind: 'relationship', type: 'RESPONSIBLE_FOR', properties: { role: 'lead' } }])).toBe('负责(牵头)');
  });

  it('show names for nodes and ids and leave data text as it is', () => {
    expect(localCell('en', 'agency', { kind: 'node', properties: { id: 'agency:x', name: '长乐区政府' } })).toBe('长乐区政府');
    expect(localCell('zh', 'task', 'task:1', (id) => (id === 'task:1' ? '推进数字经济' : undefined))).toBe('推进数字经济');
    // A via group is a name from the documents: it must not be mistaken for an enumerated value.
    expect(localCell('en', 'via', '各县(市)区政府')).toBe('各县(市)区政府');
    expect(localCell('zh', 'title', 'upstream')).toBe('upstream');
  });

  it('fall back to the raw name for a column, property or role the dictionaries do not know yet', () => {
    expect(columnName('zh', 'plan')).toBe('规划');
    expect(columnName('zh', 'somethingNew')).toBe('somethingNew');
    expect(propName('en', 'jurisdiction')).toBe('Jurisdiction');
    expect(roleName('zh', 'observer')).toBe('observer');
    // Object.prototype names are not dictionary entries.
    expect(columnName('zh', 'constructor')).toBe('constructor');
  });
});

/** The column names of a query's last RETURN: each top-level item's alias, or the variable returned as is. */
function returnedColumns(cypher: string): string[] {
  const body = cypher.split(/^RETURN\s/m).at(-1)!.split(/^ORDER BY|^SKIP|^LIMIT/m)[0]!;
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of body) {
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) { items.push(current); current = ''; } else current += ch;
  }
  items.push(current);
  return items.map((i) => /\bAS\s+`?(\w+)`?\s*$/.exec(i.trim())?.[1] ?? i.trim().replace(/`/g, ''));
}

describe('the curated queries', () => {
  it('have every result column named in both languages, so the results drawer never shows a raw alias', () => {
    const files = fs.readdirSync(QUERIES_DIR).filter((f) => f.endsWith('.cypher'));
    const columns = new Set(files.flatMap((f) => returnedColumns(fs.readFileSync(path.join(QUERIES_DIR, f), 'utf8'))));
    expect(columns).toContain('roles');
    expect([...columns].filter((c) => !Object.hasOwn(zh, `col.${c}`))).toEqual([]);
    for (const c of columns) expect(columnName('zh', c)).toMatch(HAN);
  });
});

describe('the two dictionaries', () => {
  it('have no Chinese in any English message and no English word in any Chinese one beyond shared names', () => {
    // `language` is the toggle, which names the other language in that language's own script.
    const hanInEnglish = Object.entries(en).filter(([k, v]) => k !== 'language' && HAN.test(v));
    expect(hanInEnglish).toEqual([]);
    const latinInChinese = Object.entries(zh).filter(([k, v]) => k !== 'language' && LATIN_WORD.test(v.replace(SAME_IN_BOTH, '').replace(/\{\w+\}|\$\{?\w+\}?/g, '')));
    expect(latinInChinese).toEqual([]);
  });
});
