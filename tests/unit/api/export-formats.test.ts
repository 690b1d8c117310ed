import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../server/api/formats/csv.ts';
import { toGraphml, xmlEscape } from '../../../server/api/formats/graphml.ts';
import { sentenceAround } from '../../../server/graph/queries/sentence.ts';
import { toLuceneQuery, toPinyinKey } from '../../../server/graph/queries/search.ts';
import type { ApiGraph } from '../../../server/graph/queries/graph-elements.ts';

const graph: ApiGraph = {
  nodes: [
    { id: 'agency:长乐区政府', label: 'Agency', labels: ['Entity', 'Agency'], name: '长乐区政府', aliases: ['长乐区人民政府'], properties: { group: false, aliases: ['长乐区人民政府'] } },
    { id: 'task:d:4', label: 'Task', labels: ['Entity', 'Task'], name: 'A <b> & "c"', aliases: [], properties: { order: 3, title: 'x,y' } },
  ],
  edges: [{ id: 'e1', type: 'RESPONSIBLE_FOR', source: 'agency:长乐区政府', target: 'task:d:4', properties: { role: 'lead', rank: 0 } }],
};

describe('the GraphML writer', () => {
  it('declares typed keys, escapes XML and links edges to node ids', () => {
    const xml = toGraphml(graph);
    expect(xml).toContain('<key id="n_group" for="node" attr.name="group" attr.type="boolean"/>');
    expect(xml).toContain('<key id="n_order" for="node" attr.name="order" attr.type="double"/>');
    expect(xml).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect(xml).toContain('<edge id="e0" source="n0" target="n1">');
    expect(xml).toContain('[&quot;长乐区人民政府&quot;]');
    expect(xmlEscape('a\u0001b')).toBe('ab');
  });
});

describe('the CSV writer', () => {
  it('writes a nodes section and an edges section, or one part', () => {
    const both = toCsv(graph, 'both').split('\r\n\r\n');
    expect(both).toHaveLength(2);
    expect(both[0]!.split('\r\n')[0]).toBe('id,label,name,aliases,group,order,title');
    expect(both[1]!.split('\r\n')[1]).toBe('agency:长乐区政府,task:d:4,RESPONSIBLE_FOR,0,lead');
    expect(toCsv(graph, 'edges').startsWith('source,target,type')).toBe(true);
  });

  it('quotes commas and quotes and defuses spreadsheet formulas', () => {
    expect(csvCell('x,y')).toBe('"x,y"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=cmd()')).toBe("'=cmd()");
    expect(csvCell(-3)).toBe('-3');
  });

  it('defuses every cell a spreadsheet would run, including ones that start like a number', () => {
    for (const formula of ['-1+HYPERLINK("http://x","y")', '+1+cmd|x', '-2-3', '@SUM(A1)', '\t=1+1', '\r=1+1', '=1', '-cmd']) {
      expect(csvCell(formula).replace(/^"/, '').startsWith("'"), formula).toBe(true);
    }
    for (const plain of ['-3', '+4', '2.5', '-1.5e3', '长乐区政府', 'a=b']) expect(csvCell(plain)).toBe(plain);
  });
});

describe('the search and evidence helpers', () => {
  it('escape Lucene syntax and recognise pinyin input', () => {
    expect(toLuceneQuery('a+b (c) AND d')).toBe('a\\+b \\(c\\) and d');
    expect(toPinyinKey('Chang Le')).toBe('changle');
    expect(toPinyinKey('clq')).toBe('clq');
    expect(toPinyinKey('长乐')).toBe('');
  });

  it('cut the sentence around a span at Chinese sentence ends', () => {
    const text = '第一句。第二句有长乐区政府负责；第三句。';
    const start = text.indexOf('长乐区政府');
    expect(sentenceAround(text, start, start + 5)).toBe('第二句有长乐区政府负责；');
  });
});
