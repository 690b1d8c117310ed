import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv, toGraphML, toJson, xmlEscape, type ExportGraph } from '../../../client/src/export/data-writers.ts';
import { readPngSize, readSvgSize } from '../../../client/src/export/png-info.ts';

const g: ExportGraph = {
  nodes: [
    { id: 'agency:长乐区政府', label: 'Agency', name: '长乐区政府', properties: { group: false, aliases: ['长乐区人民政府'] } },
    { id: 'task:1', label: 'Task', name: 'A "quoted", task\nline', properties: { number: 4, formula: '=1+1' } },
  ],
  edges: [{ id: 'r1', type: 'RESPONSIBLE_FOR', source: 'agency:长乐区政府', target: 'task:1', properties: { role: 'lead', rank: 1 } }],
};

describe('GraphML writer', () => {
  const xml = toGraphML(g);
  it('declares typed keys and writes nodes and edges', () => {
    expect(xml).toContain('<key id="n_number" for="node" attr.name="number" attr.type="double"/>');
    expect(xml).toContain('<key id="n_group" for="node" attr.name="group" attr.type="boolean"/>');
    expect(xml).toContain('<key id="e_role" for="edge" attr.name="role" attr.type="string"/>');
    expect(xml).toContain('<edge id="r1" source="agency:长乐区政府" target="task:1">');
    expect(xml).toContain('<data key="n_aliases">[&quot;长乐区人民政府&quot;]</data>');
    expect(xml).toContain('A &quot;quoted&quot;, task');
  });
  it('escapes and strips illegal characters', () => {
    expect(xmlEscape('<a & b>\u0001')).toBe('&lt;a &amp; b&gt;');
  });
});

describe('CSV writer', () => {
  const csv = toCsv(g);
  it('has a BOM, a header with the union of property keys and one row per element', () => {
    expect(csv.startsWith('\uFEFFkind,id,label,name,source,target,aliases,formula,group,number,rank,role\r\n')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(4);
  });
  it('quotes fields with commas, quotes and newlines, and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField(null)).toBe('');
    expect(csv).toContain('"A ""quoted"", task\nline"');
  });
});

describe('JSON writer', () => {
  it('writes nodes and edges', () => {
    expect(JSON.parse(toJson(g))).toEqual({ nodes: g.nodes, edges: g.edges });
  });
});

function png(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type, 'ascii'), data, Buffer.alloc(4)]);
  };
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(1))), chunk('IEND', Buffer.alloc(0))]));
}

describe('PNG and SVG size readers', () => {
  it('reads IHDR width and height', () => {
    expect(readPngSize(png(2400, 1300))).toEqual({ width: 2400, height: 1300 });
  });
  it('refuses what is not a PNG', () => {
    expect(() => readPngSize(new Uint8Array(30))).toThrow(/not a PNG/);
  });
  it('reads the root width and height of an SVG', () => {
    expect(readSvgSize('<?xml?><svg xmlns="x" width="800" height="600px"><g/></svg>')).toEqual({ width: 800, height: 600 });
    expect(readSvgSize('<html/>')).toBeNull();
  });
});
