import { describe, expect, it } from 'vitest';
import {
  addScene, deleteScene, loadStoredScenes, mergeImported, moveScene, nudgeScene, parseScenesFile, renameScene, setCaption,
  toScenesFile, type Scene,
} from '../../../client/src/scenes/scene-model.ts';

const scene = (id: string, name = id): Scene => ({
  id, name, caption: '', createdAt: '2024-01-01T00:00:00.000Z', layout: 'fcose', zoom: 1, pan: { x: 0, y: 0 }, selected: null,
  nodes: [{ id: 'agency:a', label: 'Agency', name: '市大数据委', properties: {}, x: 1, y: 2 }],
  edges: [],
});

describe('scene list operations', () => {
  const list = [scene('a'), scene('b'), scene('c')];
  it('adds, renames (trimmed, empty ignored), captions and deletes', () => {
    expect(addScene(list, scene('d')).map((s) => s.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(renameScene(list, 'b', '  开场  ')[1]!.name).toBe('开场');
    expect(renameScene(list, 'b', '   ')[1]!.name).toBe('b');
    expect(setCaption(list, 'c', '说明')[2]!.caption).toBe('说明');
    expect(deleteScene(list, 'b').map((s) => s.id)).toEqual(['a', 'c']);
    expect(list.map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
  it('reorders with clamping', () => {
    expect(moveScene(list, 'a', 2).map((s) => s.id)).toEqual(['b', 'c', 'a']);
    expect(moveScene(list, 'c', -5).map((s) => s.id)).toEqual(['c', 'a', 'b']);
    expect(nudgeScene(list, 'b', -1).map((s) => s.id)).toEqual(['b', 'a', 'c']);
    expect(nudgeScene(list, 'c', 1).map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(moveScene(list, 'zz', 0).map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('scenes file import', () => {
  it('round-trips an exported file', () => {
    const r = parseScenesFile(JSON.stringify(toScenesFile([scene('a'), scene('b')])));
    expect(r.ok && r.scenes.map((s) => s.id)).toEqual(['a', 'b']);
  });
  it('gives a clear message for non-JSON, a foreign file and a bad field', () => {
    const notJson = parseScenesFile('{oops');
    expect(notJson.ok).toBe(false);
    expect(!notJson.ok && notJson.message).toMatch(/not JSON/);
    const foreign = parseScenesFile('{"nodes":[]}');
    expect(!foreign.ok && foreign.message).toMatch(/not a scenes file/);
    const bad = toScenesFile([scene('a'), scene('b')]) as unknown as { scenes: { nodes: { x: unknown }[] }[] };
    bad.scenes[1]!.nodes[0]!.x = 'left';
    const r = parseScenesFile(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^scenes\.1\.nodes\.0\.x: /);
  });
  it('gives clashing ids fresh ones on merge', () => {
    let n = 0;
    const merged = mergeImported([scene('a')], [scene('a'), scene('b')], () => `new${++n}`);
    expect(merged.map((s) => s.id)).toEqual(['a', 'new1', 'b']);
  });
  it('drops an unreadable stored list instead of crashing', () => {
    expect(loadStoredScenes('garbage')).toEqual([]);
    expect(loadStoredScenes(null)).toEqual([]);
  });
});

describe('a scene\'s node style', () => {
  const style = { colors: { Agency: '#1e3a8a' }, sizes: {}, sizeMode: 'degree' as const, uniformSize: 32, degreeMin: 20, degreeMax: 80 };

  it('is kept through an exported file', () => {
    const r = parseScenesFile(JSON.stringify(toScenesFile([{ ...scene('a'), style }])));
    expect(r.ok && r.scenes[0]!.style).toEqual(style);
  });

  it('is absent from scenes saved before it was kept, which still load', () => {
    const r = parseScenesFile(JSON.stringify(toScenesFile([scene('a')])));
    expect(r.ok && r.scenes[0]!.style).toBeUndefined();
  });

  it('refuses a colour too like another label\'s, naming where', () => {
    const r = parseScenesFile(JSON.stringify(toScenesFile([scene('a'), { ...scene('b'), style: { ...style, colors: { Agency: '#2563eb' } } }])));
    expect(!r.ok && r.message).toMatch(/^scenes\.1\.style\.colors\.Agency: #2563eb is too like Task/);
  });
});
