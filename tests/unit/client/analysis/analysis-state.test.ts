import { describe, expect, it } from 'vitest';
import {
  initialAnalysisSlice, parseAnalysis, restoreAnalysis, sharedAnalysis, withSeededRandom, type AnalysisShared,
} from '../../../../client/src/modes/analysis/analysis-state.ts';
import { captionText, withSvgCaption } from '../../../../client/src/modes/analysis/analysis-export.ts';
import { decodeView, encodeView, ViewLinkError, type SharedView } from '../../../../client/src/share/view-codec.ts';
import { parseScenesFile, SCENES_FILE_FORMAT } from '../../../../client/src/scenes/scene-model.ts';

const base: SharedView = {
  nodes: [{ id: 'agency:长乐区政府', x: 10, y: 20 }],
  caption: '',
  zoom: null,
  pan: null,
  selected: null,
  layout: 'fcose',
  mode: 'analysis',
};

const workload: AnalysisShared = {
  tab: 'workload',
  state: { plan: 'document:002', year: '2019', jurisdiction: '福州市', sort: { key: 'year:2019', desc: false }, picked: 'agency:长乐区政府' },
};

/** A link's token made by hand from its JSON, the way links were written before they carried analysis state. */
const token = (wire: unknown) => `j${Buffer.from(JSON.stringify(wire)).toString('base64url')}`;

describe('analysis state in share links', () => {
  it('round-trips the open tab with its filters, sort and picked agency', async () => {
    const back = await decodeView(await encodeView({ ...base, analysis: workload }));
    expect(back.mode).toBe('analysis');
    expect(back.analysis).toEqual(workload);
  });

  it('round-trips every view\'s state, and a tab whose view saved nothing yet', async () => {
    const states: AnalysisShared[] = [
      { tab: 'collaboration', state: { plan: '', year: '', jurisdiction: '', members: false, measure: 'joint', min: 3, edge: ['agency:a', 'agency:b'], focus: 'agency:a' } },
      { tab: 'breakdown', state: { kind: 'agency', value: 'agency:长乐区政府' } },
      { tab: 'targets', state: { indicator: 'indicator:5G基站' } },
      { tab: 'plans-over-time', state: { series: 'jurisdiction:福州市', threshold: 0.3, offset: 4, pair: 1, agency: null } },
      { tab: 'targets' },
    ];
    for (const a of states) expect((await decodeView(await encodeView({ ...base, analysis: a }))).analysis).toEqual(a);
  });

  it('still opens a link made before links carried analysis state', async () => {
    const old = 'jeyJ2IjoyLCJuIjpbWyJhZ2VuY3k6YSIsMTAsMjBdLFsidGFzazp0IiwzMCw0MCwxXV0sImUiOltbInIxIiwwLDEsIlJFU1BPTlNJQkxFX0ZPUiJdXSwiYyI6IuaXp-mTvuaOpSIsInoiOjEuNSwicCI6WzMsNF0sInMiOiJhZ2VuY3k6YSIsImwiOiJkYWdyZSIsIm0iOiJhbmFseXNpcyJ9';
    const v = await decodeView(old);
    expect(v.nodes).toEqual([{ id: 'agency:a', x: 10, y: 20 }, { id: 'task:t', x: 30, y: 40, pinned: true }]);
    expect(v.caption).toBe('旧链接');
    expect(v.mode).toBe('analysis');
    expect(v.analysis).toBeUndefined();
    expect((await decodeView(token({ v: 1, n: [['agency:a', 1, 2]] }))).nodes).toHaveLength(1);
  });

  it('refuses an unknown analysis view with its own reason, naming the tab', async () => {
    const bad = token({ v: 2, n: [], m: 'analysis', a: { tab: 'gantt' } });
    const e = await decodeView(bad).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ViewLinkError);
    expect((e as ViewLinkError).reason).toBe('analysis');
    expect((e as ViewLinkError).detail).toBe('tab: unknown analysis view "gantt"');
  });

  it('refuses a filter of the wrong kind, naming where it is', async () => {
    const bad = token({ v: 2, n: [], a: { tab: 'collaboration', state: { plan: '', year: '', jurisdiction: '', members: true, measure: 'sharedTasks', min: 0, edge: null, focus: null } } });
    const e = await decodeView(bad).catch((x: unknown) => x) as ViewLinkError;
    expect(e.reason).toBe('analysis');
    expect(e.detail).toMatch(/^state\.min: /);
    const threshold = token({ v: 2, n: [], a: { tab: 'plans-over-time', state: { series: null, threshold: 7, offset: 0, pair: 0, agency: null } } });
    expect(((await decodeView(threshold).catch((x: unknown) => x)) as ViewLinkError).detail).toMatch(/^state\.threshold: /);
  });
});

describe('the analysis slice', () => {
  it('shares the open tab with the state its view saved, and only that tab', () => {
    const slice = { ...initialAnalysisSlice(), tab: 'targets' as const, views: { targets: { indicator: 'indicator:x' }, breakdown: { kind: 'plan' as const, value: 'd' } } };
    expect(sharedAnalysis(slice)).toEqual({ tab: 'targets', state: { indicator: 'indicator:x' } });
    expect(sharedAnalysis(initialAnalysisSlice())).toEqual({ tab: 'collaboration' });
  });

  it('restores a shared tab over the current one, keeps the other tabs, and bumps restored', () => {
    const now = { tab: 'breakdown' as const, views: { breakdown: { kind: 'plan' as const, value: 'd' }, workload: { plan: 'x', year: '', jurisdiction: '', sort: { key: 'total', desc: true }, picked: null } }, restored: 4 };
    const next = restoreAnalysis(now, { tab: 'workload' });
    expect(next.tab).toBe('workload');
    expect(next.views.workload).toBeUndefined();
    expect(next.views.breakdown).toEqual({ kind: 'plan', value: 'd' });
    expect(next.restored).toBe(5);
  });

  it('says what is wrong with a state that is not an object', () => {
    expect(parseAnalysis('workload')).toEqual({ ok: false, where: '(analysis)', message: 'not an object' });
  });
});

describe('scenes saved in Analysis', () => {
  const scene = (analysis: unknown) => JSON.stringify({
    format: SCENES_FILE_FORMAT, version: 1,
    scenes: [{ id: 's1', name: 'n', caption: '', createdAt: '2026-01-01T00:00:00Z', layout: 'fcose', zoom: 1, pan: { x: 0, y: 0 }, selected: null, nodes: [], edges: [], ...(analysis === undefined ? {} : { analysis }) }],
  });

  it('keep their tab and filters through a scenes file, and scenes without them still load', () => {
    const r = parseScenesFile(scene(workload));
    expect(r.ok && r.scenes[0]!.analysis).toEqual(workload);
    const plain = parseScenesFile(scene(undefined));
    expect(plain.ok && plain.scenes[0]!.analysis).toBeUndefined();
  });

  it('refuse a file whose analysis state is broken, naming the scene and the field', () => {
    const r = parseScenesFile(scene({ tab: 'workload', state: { plan: 1 } }));
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/^scenes\.0\.analysis: state\.plan: /) });
  });
});

describe('a seeded force layout', () => {
  it('draws the same numbers for the same seed and gives Math.random back afterwards', () => {
    const original = Math.random;
    const a = withSeededRandom(1, () => [Math.random(), Math.random(), Math.random()]);
    const b = withSeededRandom(1, () => [Math.random(), Math.random(), Math.random()]);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(3);
    for (const x of a) expect(x >= 0 && x < 1).toBe(true);
    expect(withSeededRandom(2, () => Math.random())).not.toBe(a[0]);
    expect(Math.random).toBe(original);
    expect(() => withSeededRandom(1, () => { throw new Error('layout failed'); })).toThrow('layout failed');
    expect(Math.random).toBe(original);
  });
});

describe('the caption of an exported analysis picture', () => {
  it('reads title, then each filter as label: value', () => {
    expect(captionText('工作量', [['规划', '全部规划'], ['年份', '2019']])).toBe('工作量 · 规划: 全部规划 · 年份: 2019');
  });

  it('puts the caption in a band above the SVG picture, escaped, and keeps the picture whole', () => {
    const svg = '<svg width="400" height="300" xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>';
    const out = withSvgCaption(svg, 'Workload · Plan: <all> & more');
    expect(out).toMatch(/^<svg [^>]*width="400" height="334"/);
    expect(out).toContain('Workload · Plan: &lt;all&gt; &amp; more');
    expect(out).toContain(`<g transform="translate(0 34)">${svg}</g>`);
    expect(withSvgCaption('<svg><g/></svg>', 'x')).toBe('<svg><g/></svg>');
  });
});
