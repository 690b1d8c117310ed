import { describe, expect, it } from 'vitest';
import {
  base64urlDecode, base64urlEncode, decodeView, encodeView, MAX_URL_FRAGMENT_BYTES, shareLink, viewTokenFromHash, ViewLinkError, type SharedView,
} from '../../../client/src/share/view-codec.ts';
import { pickEdges } from '../../../client/src/share/share-actions.ts';
import { defaultViewStyle } from '../../../client/src/canvas/view-style.ts';
import { DEFAULT_SETTINGS } from '../../../client/src/settings.ts';

const view = (n: number): SharedView => ({
  nodes: Array.from({ length: n }, (_, i) => ({ id: `task:002_bccb920477d76c9e:${i}`, x: i * 10.4, y: -i * 3.6 })),
  caption: '长乐区政府负责的任务',
  zoom: 1.23456,
  pan: { x: 12.7, y: -40.2 },
  selected: 'agency:长乐区政府',
  layout: 'fcose',
});

describe('view ↔ URL codec', () => {
  it('round-trips ids, rounded positions, caption, zoom, pan and selection', async () => {
    const v = view(20);
    const back = await decodeView(await encodeView(v));
    expect(back.nodes.map((n) => n.id)).toEqual(v.nodes.map((n) => n.id));
    expect(back.nodes[3]).toEqual({ id: v.nodes[3]!.id, x: 31, y: -11 });
    expect(back.caption).toBe(v.caption);
    expect(back.zoom).toBe(1.235);
    expect(back.pan).toEqual({ x: 13, y: -40 });
    expect(back.selected).toBe('agency:长乐区政府');
    expect(back.layout).toBe('fcose');
  });

  it('compresses repetitive ids (z prefix) and keeps tiny views plain when that is shorter', async () => {
    const big = await encodeView(view(100));
    expect(big.startsWith('z')).toBe(true);
    const plainLen = base64urlEncode(new TextEncoder().encode(JSON.stringify({ v: 1, n: view(100).nodes }))).length;
    expect(big.length).toBeLessThan(plainLen / 3);
    const tiny = await encodeView({ nodes: [], caption: '', zoom: null, pan: null, selected: null, layout: null });
    expect(await decodeView(tiny)).toEqual({ nodes: [], caption: '', zoom: null, pan: null, selected: null, layout: null });
  });

  it('uses only URL-safe characters', async () => {
    const t = await encodeView(view(50));
    expect(t).toMatch(/^[zj][A-Za-z0-9_-]+$/);
    expect([...base64urlDecode(base64urlEncode(new Uint8Array([251, 255, 0, 62, 63])))]).toEqual([251, 255, 0, 62, 63]);
  });

  it('builds a link under the limit and refuses one over it with the size', async () => {
    const ok = await shareLink('http://host/app/?x=1#old', view(10));
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      expect(ok.url.startsWith('http://host/app/?x=1#view=')).toBe(true);
      expect(viewTokenFromHash(new URL(ok.url).hash)).not.toBeNull();
    }
    const random = (i: number) => `node:${(i * 2654435761 % 4294967296).toString(36)}${Math.sin(i).toString(36).slice(3, 12)}`;
    const huge: SharedView = { ...view(0), nodes: Array.from({ length: 2000 }, (_, i) => ({ id: random(i), x: i * 7919 % 5000, y: i * 104729 % 5000 })) };
    const refused = await shareLink('http://host/', huge);
    expect(refused.ok).toBe(false);
    expect(refused.bytes).toBeGreaterThan(MAX_URL_FRAGMENT_BYTES);
  });

  it('rejects garbage tokens', async () => {
    await expect(decodeView('xabc')).rejects.toThrow(/encoding/);
    await expect(decodeView('j' + base64urlEncode(new TextEncoder().encode('{"v":2}')))).rejects.toThrow(/shared view/);
    await expect(decodeView('j$$$')).rejects.toThrow(/base64url/);
  });

  it('finds the token among other hash parts', () => {
    expect(viewTokenFromHash('#a=1&view=zAbC_-')).toBe('zAbC_-');
    expect(viewTokenFromHash('#other')).toBeNull();
    expect(viewTokenFromHash('')).toBeNull();
  });

  it('carries stored and derived edges, pins and the mode', async () => {
    const v: SharedView = {
      ...view(3),
      nodes: [{ id: 'agency:a', x: 0, y: 0, pinned: true }, { id: 'task:1', x: 10, y: 0 }, { id: 'task:2', x: 20, y: 0 }],
      edges: [{ id: '5:abc:17', source: 'agency:a', target: 'task:1', type: 'RESPONSIBLE_FOR' }],
      derived: [{ id: 'derived:agency:a->task:2', source: 'agency:a', target: 'task:2', type: 'RESPONSIBLE_FOR', properties: { via: '各县(市)区政府', role: null } }],
      mode: 'query',
    };
    const back = await decodeView(await encodeView(v));
    expect(back.nodes[0]).toEqual({ id: 'agency:a', x: 0, y: 0, pinned: true });
    expect(back.edges).toEqual(v.edges);
    expect(back.derived).toEqual(v.derived);
    expect(back.mode).toBe('query');
  });

  it('names the reason a damaged link cannot be read', async () => {
    const token = await encodeView(view(40));
    const reason = async (t: string) => decodeView(t).then(() => 'ok', (e: unknown) => (e instanceof ViewLinkError ? e.reason : String(e)));
    expect(await reason(token.slice(0, token.length - 20))).toMatch(/damaged|json/);
    expect(await reason(`${token.slice(0, 9)}`)).toMatch(/damaged|json/);
    expect(await reason('q' + token.slice(1))).toBe('encoding');
    expect(await reason('z%%')).toBe('characters');
    const badShape = 'j' + base64urlEncode(new TextEncoder().encode('{"v":2,"n":[["a",1,2]],"e":[["r",0,5,"T"]]}'));
    await expect(decodeView(badShape)).rejects.toThrow(/e\.0 points at node 5 of 1/);
  });

  it('keeps the edges a link names: by id, or by ends and type when ids changed', () => {
    const fetched = [
      { id: 'r1', source: 'a', target: 'b', type: 'T', properties: {} },
      { id: 'r2', source: 'a', target: 'c', type: 'T', properties: {} },
      { id: 'r9', source: 'b', target: 'c', type: 'U', properties: {} },
    ];
    expect(pickEdges(fetched, undefined).map((e) => e.id)).toEqual(['r1', 'r2', 'r9']);
    expect(pickEdges(fetched, [{ id: 'r1', source: 'a', target: 'b', type: 'T' }, { id: 'old', source: 'b', target: 'c', type: 'U' }]).map((e) => e.id)).toEqual(['r1', 'r9']);
  });
});

describe('the view style in a link', () => {
  const styled = { ...defaultViewStyle(DEFAULT_SETTINGS), colors: { Agency: '#1e3a8a' }, sizes: { Task: 50 }, sizeMode: 'degree' as const, degreeMin: 18, degreeMax: 90 };

  it('round-trips colours, sizes, the size mode and the degree range', async () => {
    const back = await decodeView(await encodeView({ ...view(3), style: styled }));
    expect(back.style).toEqual(styled);
  });

  it('is left out of the link when it is the default, and a link without it opens with none', async () => {
    const plain = await encodeView({ ...view(3), style: defaultViewStyle(DEFAULT_SETTINGS) });
    expect(plain).toBe(await encodeView(view(3)));
    expect((await decodeView(plain)).style).toBeUndefined();
  });

  it('keeps links from before it travelled decodable (version 1 and 2 wire forms)', async () => {
    const old = (wire: unknown) => 'j' + base64urlEncode(new TextEncoder().encode(JSON.stringify(wire)));
    const v1 = await decodeView(old({ v: 1, n: [['agency:a', 1, 2]], c: '旧链接', z: 1, p: [0, 0] }));
    expect(v1).toEqual({ nodes: [{ id: 'agency:a', x: 1, y: 2 }], caption: '旧链接', zoom: 1, pan: { x: 0, y: 0 }, selected: null, layout: null });
    const v2 = await decodeView(old({ v: 2, n: [['agency:a', 1, 2], ['task:1', 3, 4]], e: [['r1', 0, 1, 'RESPONSIBLE_FOR']], m: 'explore' }));
    expect(v2.style).toBeUndefined();
    expect(v2.edges).toEqual([{ id: 'r1', source: 'agency:a', target: 'task:1', type: 'RESPONSIBLE_FOR' }]);
  });

  it('refuses a hand-edited unreadable colour, naming the label', async () => {
    const bad = 'j' + base64urlEncode(new TextEncoder().encode(JSON.stringify({ v: 2, n: [['a', 0, 0]], y: { c: { Agency: '#fffff0' } } })));
    await expect(decodeView(bad)).rejects.toThrow(/y\.colors\.Agency: #fffff0 is too faint/);
    const reason = await decodeView(bad).catch((e: unknown) => (e instanceof ViewLinkError ? e.reason : 'other'));
    expect(reason).toBe('shape');
  });
});
