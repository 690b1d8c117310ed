import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { zeroCounters } from '../../../server/graph/writer/counters.ts';
import { toNeo4jParams } from '../../../server/graph/neo4j-params.ts';
import { cypherForType } from '../../../server/graph/writer/relationship-cypher.ts';
import { aliasText, searchKeys } from '../../../server/graph/writer/search-keys.ts';
import { collectFiles } from '../../../server/load/collect-files.ts';
import { documentIdOf } from '../../../server/extract/read-document-file.ts';
import { createProgress } from '../../../server/load/progress.ts';
import { emptySummary, formatSummary, record } from '../../../server/load/summary.ts';
import type { RelationshipType } from '../../../server/extract/graph-facts.ts';

describe('search keys', () => {
  it('give toneless pinyin and initials, keeping latin and digits', () => {
    expect(searchKeys('长乐区政府')).toEqual({ pinyin: 'changlequzhengfu', initials: 'clqzf' });
    expect(searchKeys('e福州').pinyin).toBe('efuzhou');
  });
  it('join name and aliases without repeats for the full-text index', () => {
    expect(aliasText('长乐区政府', ['长乐区人民政府', '长乐区政府'])).toBe('长乐区政府 | 长乐区人民政府');
  });
});

describe('toNeo4jParams', () => {
  it('sends whole numbers as integers and keeps fractional lists as floats', () => {
    const out = toNeo4jParams({ rank: 2, share: 0.5, starts: [1, 2], mixed: [1, 2.5], name: 'x' }) as Record<string, unknown>;
    expect(neo4j.isInt(out.rank)).toBe(true);
    expect(out.share).toBe(0.5);
    expect((out.starts as unknown[]).every((v) => neo4j.isInt(v))).toBe(true);
    expect(out.mixed).toEqual([1, 2.5]);
  });

  it('leaves driver values alone, so converting twice is harmless', () => {
    const once = toNeo4jParams({ limit: 5, ids: ['a'], nested: [{ rank: 1 }] });
    expect(toNeo4jParams(once)).toEqual(once);
    expect(neo4j.isInt((toNeo4jParams(once).nested as { rank: unknown }[])[0]!.rank)).toBe(true);
  });
});

describe('relationship templates', () => {
  it('substitute only whitelisted relationship types', () => {
    expect(cypherForType('writer/bench/naive-relationship', 'MEMBER_OF')).toContain('[r:MEMBER_OF {key: $row.key}]');
    expect(() => cypherForType('writer/bench/naive-relationship', 'X]->() DETACH DELETE (n' as RelationshipType)).toThrow(/not in RELATIONSHIP_TYPES/);
  });
});

describe('collectFiles', () => {
  it('walks folders in sorted order, keeps document extensions, skips hidden entries and reports missing paths', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collect-'));
    fs.mkdirSync(path.join(dir, 'sub'));
    for (const f of ['b.txt', 'a.md', 'sub/c.html', 'notes.json', '.hidden.txt']) fs.writeFileSync(path.join(dir, f), 'x');
    const r = collectFiles([dir, path.join(dir, 'nope')]);
    expect(r.files.map((f) => path.relative(dir, f))).toEqual(['a.md', 'b.txt', 'sub/c.html']);
    expect(r.missing).toEqual([{ file: path.join(dir, 'nope'), reason: 'no such file or folder' }]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  it('takes the document id from the file base name', () => {
    expect(documentIdOf('/x/seeds/002_bccb920477d76c9e.txt')).toBe('002_bccb920477d76c9e');
  });
});

describe('summary and progress', () => {
  const failed = { file: 'a.txt', docId: 'a', status: 'failed' as const, reason: 'boom', warnings: [], counters: zeroCounters() };
  const loaded = { file: 'b.txt', docId: 'b', status: 'loaded' as const, warnings: [], counters: { ...zeroCounters(), nodesCreated: 3, relationshipsCreated: 2 } };

  it('counts documents by outcome and lists each failure with its file and reason', () => {
    const s = emptySummary(false);
    record(s, failed);
    record(s, loaded);
    const text = formatSummary(s).join('\n');
    expect(text).toMatch(/1 loaded, 0 replaced, 0 unchanged, 1 failed/);
    expect(text).toMatch(/Nodes: 3 created/);
    expect(text).toMatch(/FAILED a.txt: boom/);
  });

  it('says once why a stopped run stopped, which documents were written and which were not, and how to continue', () => {
    const s = emptySummary(false);
    record(s, loaded);
    for (let i = 1; i <= 12; i++) record(s, { file: `n${i}.txt`, docId: `n${i}`, status: 'not-loaded', warnings: [] });
    s.stopped = 'Neo4j is unavailable (connect ECONNREFUSED 127.0.0.1:7688)';
    const text = formatSummary(s).join('\n');
    expect(text.split('ECONNREFUSED').length - 1).toBe(1);
    expect(text).toMatch(/1 loaded, 0 replaced, 0 unchanged, 0 failed, 12 not loaded\./);
    expect(text).toContain('Written before the stop (1): b.txt.');
    expect(text).toContain('Not loaded (12): n1.txt, n2.txt, n3.txt, n4.txt, n5.txt, n6.txt, n7.txt, n8.txt, n9.txt, n10.txt … and 2 more.');
    expect(text).toContain('Run the same command again');
    expect(s.failures).toEqual([]);
  });

  it('prints one plain line per document when not on a terminal', () => {
    const out: string[] = [];
    const p = createProgress({ isTTY: false, write: (c) => out.push(c) > 0 });
    p.start(2);
    p.document(loaded);
    p.document(failed);
    expect(out).toEqual(['[1/2] loaded b.txt\n', '[2/2] failed a.txt: boom\n']);
  });

  it('redraws a bar on a terminal', () => {
    const out: string[] = [];
    const p = createProgress({ isTTY: true, columns: 100, write: (c) => out.push(c) > 0 });
    p.start(1);
    p.document(loaded);
    p.finish();
    expect(out.join('')).toMatch(/\r\x1b\[K█+ 1\/1 documents/);
  });
});
