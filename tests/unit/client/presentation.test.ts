import { describe, expect, it } from 'vitest';
import { edgeData, edgeRole, nodeCaption, nodeData, shortName, stylesheet } from '../../../client/src/canvas/style.ts';
import { en } from '../../../client/src/i18n/en.ts';
import { labelName, relName, translate } from '../../../client/src/i18n/index.ts';
import { zh } from '../../../client/src/i18n/zh.ts';
import { DEFAULT_SETTINGS, resolveSettings, styleForLabel, validateSettings } from '../../../client/src/settings.ts';
import { segments } from '../../../client/src/panels/document.ts';
import { exactHit, groupHits } from '../../../client/src/panels/suggest.ts';

describe('settings', () => {
  it('defaults validate; resolve fills gaps; nonsense is refused', () => {
    expect(() => validateSettings(DEFAULT_SETTINGS)).not.toThrow();
    const s = resolveSettings({ expandPageSize: 10, labelStyles: { Agency: { color: '#000000', shape: 'ellipse', size: 10 } } });
    expect(s.expandPageSize).toBe(10);
    expect(s.largeGraphThreshold).toBe(2000);
    expect(styleForLabel(s, 'Task').color).toBe(DEFAULT_SETTINGS.labelStyles.Task!.color);
    expect(() => validateSettings(resolveSettings({ expandPageSize: 0 }))).toThrow(/expandPageSize/);
    expect(() => validateSettings(resolveSettings({ labelStyles: { X: { color: 'red', shape: 'ellipse', size: 1 } } }))).toThrow(/colour/);
    expect(DEFAULT_SETTINGS.expandPageSize).toBe(50);
  });
  it('gives every label its own colour and shape pair', () => {
    const pairs = Object.values(DEFAULT_SETTINGS.labelStyles).map((s) => `${s.color}/${s.shape}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(new Set(Object.values(DEFAULT_SETTINGS.labelStyles).map((s) => s.color)).size).toBe(pairs.length);
  });
});

describe('canvas style', () => {
  it('captions tasks with their printed number and shortens long names', () => {
    expect(nodeCaption({ id: 't', label: 'Task', name: '增强公共技术服务平台支撑能力', properties: { number: '4' } }, DEFAULT_SETTINGS)).toMatch(/^4、增强/);
    expect([...shortName('一二三四五六七八九十', 5)]).toHaveLength(5);
    expect(nodeData({ id: 'a', label: 'Agency', name: '各县(市)区政府', properties: { group: true } }, DEFAULT_SETTINGS)).toMatchObject({ group: 1, color: DEFAULT_SETTINGS.labelStyles.Agency!.color });
  });
  it('draws lead stronger than support and derived edges dashed', () => {
    expect(edgeRole({ id: 'e', type: 'RESPONSIBLE_FOR', source: 'a', target: 'b', properties: { role: 'lead' } })).toBe('lead');
    expect(edgeData({ id: 'e', type: 'RESPONSIBLE_FOR', source: 'a', target: 'b', properties: {}, derived: true }, '负责')).toMatchObject({ derived: 1, role: 'none' });
    const css = stylesheet();
    const width = (sel: string) => Number(css.find((r) => r.selector === sel)?.style.width);
    expect(width('edge[role = "lead"]')).toBeGreaterThan(width('edge[role = "support"]'));
    expect(css.find((r) => r.selector === 'edge[derived = 1]')?.style['line-style']).toBe('dashed');
  });
});

describe('i18n', () => {
  it('has the same keys in both languages and no empty strings', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const v of [...Object.values(zh), ...Object.values(en)]) expect(v.length).toBeGreaterThan(0);
  });
  it('looks up labels and types, falling back to the raw name', () => {
    expect(translate('en', 'modeExplore')).toBe('Explore');
    expect(labelName('zh', 'Agency')).toBe('机构');
    expect(labelName('en', 'Unknown')).toBe('Unknown');
    expect(relName('en', 'MEMBER_OF')).toBe('member of');
  });
});

describe('pure panel helpers', () => {
  it('groups suggestions by label in first-seen order', () => {
    const hit = (id: string, label: string, name: string) => ({ id, label, labels: ['Entity', label], name, matched: null, matchedBy: [], jurisdiction: null, score: 1 });
    const g = groupHits([hit('a', 'District', '长乐区'), hit('b', 'Agency', '长乐区政府'), hit('c', 'District', '长乐')]);
    expect(g.map(([l, hits]) => `${l}:${hits.length}`)).toEqual(['District:2', 'Agency:1']);
  });
  it('takes on Enter only the one hit whose name or printed alias is what was typed, none when several agencies share it', () => {
    const hit = (id: string, name: string, matched: string | null) => ({ id, label: 'Agency', labels: ['Entity', 'Agency'], name, matched, matchedBy: [], jurisdiction: null, score: 1 });
    const fgw = [hit('a', '福州市发展和改革委员会', '市发改委'), hit('b', '丽水市发改委', '市发改委'), hit('c', '厦门市发改委', '市发改委')];
    expect(exactHit(fgw, '市发改委')).toBeUndefined();
    expect(exactHit(fgw, '丽水市发改委')?.id).toBe('b');
    expect(exactHit([hit('d', '长乐区政府', null), hit('e', '长乐区', null)], '长乐')).toBeUndefined();
    expect(exactHit([hit('d', '长乐区政府', '长乐区政府')], ' 长乐区政府 ')?.id).toBe('d');
  });
  it('splits a document around the highlighted span', () => {
    expect(segments('abcdef', { start: 2, end: 4 })).toEqual([{ text: 'ab', focus: false }, { text: 'cd', focus: true }, { text: 'ef', focus: false }]);
    expect(segments('abc', { start: 5, end: 9 })).toEqual([{ text: 'abc', focus: false }]);
  });
});
