import { describe, expect, it } from 'vitest';
import type { ApiGraph } from '../../../client/src/api/types.ts';
import { noFilters, visibleGraph, yearsIn } from '../../../client/src/state/filters.ts';
import { emptyGraph, hideNodes, mergeGraph, removeNodes, sameElements, setPinned, showAll, withPositions } from '../../../client/src/state/graph.ts';
import { emptyHistory, record, redo, undo } from '../../../client/src/state/history.ts';
import { derivedEdges, idOf, pageSummary, parseEntityParamLabel, rowsAsObjects } from '../../../client/src/state/query-results.ts';
import { storedEvidence } from '../../../client/src/modes/present/present-actions.ts';
import { createStore, initialState } from '../../../client/src/state/store.ts';

const node = (id: string, label: string, properties = {}) => ({ id, label, labels: ['Entity', label], name: id.split(':')[1] ?? id, aliases: [], properties });
const seed: ApiGraph = {
  nodes: [node('plan:2019年要点', 'Plan'), node('task:a:4', 'Task'), node('task:a:2', 'Task'), node('agency:长乐区政府', 'Agency'), node('agency:各县(市)区政府', 'Agency', { group: true })],
  edges: [
    { id: 'h1', type: 'HAS_TASK', source: 'plan:2019年要点', target: 'task:a:4', properties: {} },
    { id: 'h2', type: 'HAS_TASK', source: 'plan:2019年要点', target: 'task:a:2', properties: {} },
    { id: 'r1', type: 'RESPONSIBLE_FOR', source: 'agency:长乐区政府', target: 'task:a:4', properties: { role: 'responsible' } },
    { id: 'm1', type: 'MEMBER_OF', source: 'agency:长乐区政府', target: 'agency:各县(市)区政府', properties: {} },
    { id: 'r2', type: 'RESPONSIBLE_FOR', source: 'agency:各县(市)区政府', target: 'task:a:2', properties: { role: 'responsible' } },
    { id: 'dangling', type: 'MENTIONS', source: 'task:a:4', target: 'park:x', properties: {} },
  ],
};

describe('graph merging', () => {
  it('keeps the evidence summary an edge came with', () => {
    const g = mergeGraph(emptyGraph(), {
      nodes: [node('agency:A', 'Agency'), node('agency:G', 'Agency')],
      edges: [{ id: 'e', type: 'MEMBER_OF', source: 'agency:A', target: 'agency:G', properties: {}, evidence: { count: 3, documents: 2, first: null } }],
    });
    expect(g.edges.e?.evidence).toEqual({ count: 3, documents: 2, first: null });
  });
  it('adds nodes and only edges whose ends are present', () => {
    const g = mergeGraph(emptyGraph(), seed);
    expect(Object.keys(g.nodes)).toHaveLength(5);
    expect(g.edges.dangling).toBeUndefined();
    expect(Object.keys(g.edges)).toHaveLength(5);
  });
  it('keeps pins and positions of nodes it already had, and unhides re-added nodes', () => {
    let g = setPinned(mergeGraph(emptyGraph(), seed), ['task:a:4'], true);
    g = withPositions(g, new Map([['task:a:4', { x: 1, y: 2 }]]));
    g = hideNodes(g, ['task:a:4']);
    const again = mergeGraph(g, { nodes: [node('task:a:4', 'Task')], edges: [] });
    expect(again.nodes['task:a:4']).toMatchObject({ pinned: true, position: { x: 1, y: 2 } });
    expect(again.hidden['task:a:4']).toBeUndefined();
  });
  it('removes nodes with their edges; hide and show all', () => {
    const g = mergeGraph(emptyGraph(), seed);
    const r = removeNodes(g, ['agency:长乐区政府']);
    expect(r.nodes['agency:长乐区政府']).toBeUndefined();
    expect(Object.values(r.edges).some((e) => e.source === 'agency:长乐区政府')).toBe(false);
    expect(Object.keys(showAll(hideNodes(g, ['task:a:2'])).hidden)).toEqual([]);
  });
  it('leaves the graph object alone when positions did not move (cheap snapshots)', () => {
    const g = withPositions(mergeGraph(emptyGraph(), seed), new Map([['task:a:4', { x: 1, y: 2 }]]));
    expect(withPositions(g, new Map([['task:a:4', { x: 1, y: 2 }]]))).toBe(g);
  });
});

describe('history', () => {
  it('undo returns the snapshot and redo the undone state; a new change drops redo', () => {
    const a = emptyGraph();
    const b = mergeGraph(a, seed);
    let h = record(emptyHistory(), a, 10);
    const u = undo(h, b)!;
    expect(u.graph).toBe(a);
    const r = redo(u.history, u.graph)!;
    expect(r.graph).toBe(b);
    h = record(u.history, a, 10);
    expect(h.future).toHaveLength(0);
    expect(undo(emptyHistory(), a)).toBeNull();
  });
  it('keeps at most the limit', () => {
    let h = emptyHistory();
    for (let i = 0; i < 5; i++) h = record(h, emptyGraph(), 3);
    expect(h.past).toHaveLength(3);
  });
});

describe('filters', () => {
  const g = mergeGraph(emptyGraph(), seed);
  it('hides labels and brings everything back when cleared', () => {
    const v = visibleGraph(g, { ...noFilters(), hiddenLabels: ['Task'] });
    expect(v.nodes.some((n) => n.label === 'Task')).toBe(false);
    expect(v.edges.some((e) => e.type === 'HAS_TASK')).toBe(false);
    expect(visibleGraph(g, noFilters()).nodes).toHaveLength(5);
  });
  it('filters by plan and by year (tasks inherit their plan\'s year)', () => {
    const other = mergeGraph(g, { nodes: [node('plan:2025方案', 'Plan'), node('task:b:1', 'Task')], edges: [{ id: 'h3', type: 'HAS_TASK', source: 'plan:2025方案', target: 'task:b:1', properties: {} }] });
    expect(yearsIn(other)).toEqual(['2019', '2025']);
    const byPlan = visibleGraph(other, { ...noFilters(), plan: 'plan:2019年要点' }).nodes.map((n) => n.id);
    expect(byPlan).not.toContain('task:b:1');
    expect(byPlan).toContain('task:a:4');
    const byYear = visibleGraph(other, { ...noFilters(), year: '2025' }).nodes.map((n) => n.id);
    expect(byYear).toContain('task:b:1');
    expect(byYear).not.toContain('task:a:2');
    expect(byYear).toContain('agency:长乐区政府');
  });
});

describe('query results', () => {
  it('turns `via` rows into derived agency → task edges, skipping direct ones', () => {
    const rows = rowsAsObjects(['task', 'via'], [
      [{ kind: 'node', elementId: '1', labels: ['Task'], properties: { id: 'task:a:4' } }, 'direct'],
      [{ kind: 'node', elementId: '2', labels: ['Task'], properties: { id: 'task:a:2' } }, '各县(市)区政府'],
    ]);
    const d = derivedEdges(rows, seed, 'agency:长乐区政府');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ source: 'agency:长乐区政府', target: 'task:a:2', derived: true, type: 'RESPONSIBLE_FOR' });
  });
  it('reads ids from strings, API nodes and raw nodes; parses entity(Label)', () => {
    expect(idOf('task:a:4')).toBe('task:a:4');
    expect(idOf({ id: 'x' })).toBe('x');
    expect(idOf({ kind: 'node', properties: { id: 'y' } })).toBe('y');
    expect(idOf(3)).toBeNull();
    expect(parseEntityParamLabel('entity(Agency)')).toBe('Agency');
    expect(parseEntityParamLabel('entity')).toBe('');
    expect(parseEntityParamLabel('string')).toBeNull();
  });
  it('says which page of how many a paging query shows, and whether there is more', () => {
    const totals = { direct: 10408, viaGroup: 4617, all: 15025 };
    expect(pageSummary({ page: { offset: 0, limit: 50, shown: 50 }, totals }, 'en')).toEqual({ text: '1–50 of 15,025', more: true });
    expect(pageSummary({ page: { offset: 15000, limit: 50, shown: 25 }, totals }, 'zh')).toEqual({ text: '第 15,001–15,025 条,共 15,025 条', more: false });
    expect(pageSummary({ page: { offset: 0, limit: 5, shown: 5 }, totals: { tasks: 13 } }, 'en')).toMatchObject({ text: '1–5 of 13', more: true });
    expect(pageSummary({ totals }, 'en')).toBeNull();
  });
});

describe('evidence carried by an edge', () => {
  const edge = { id: 'e', type: 'MEMBER_OF', source: 'a', target: 'g', properties: {} };
  it('quotes the first span of the server\'s evidence summary', () => {
    expect(storedEvidence({ ...edge, evidence: { count: 2000, documents: 2000, first: { document: 'd1', start: 0, end: 8, text: '各县(市)区政府' } } }))
      .toEqual({ text: '各县(市)区政府', source: 'd1' });
  });
  it('still reads the stored lists of edges saved in older scenes', () => {
    expect(storedEvidence({ ...edge, properties: { evidenceTexts: ['长乐区政府'], evidenceDocs: ['d2'] } })).toEqual({ text: '长乐区政府', source: 'd2' });
    expect(storedEvidence(edge)).toBeNull();
  });
});

describe('store', () => {
  it('dispatch replaces state, logs the action name and notifies subscribers', () => {
    const store = createStore(initialState('zh'));
    const seen: string[] = [];
    store.subscribe((s, prev) => seen.push(`${prev.lang}->${s.lang}`));
    store.dispatch('setLanguage', () => ({ lang: 'en' }));
    expect(store.get().lang).toBe('en');
    expect(store.get().log.at(-1)).toBe('setLanguage');
    expect(seen).toEqual(['zh->en']);
  });
  it('sameElements compares ids only', () => {
    const g = mergeGraph(emptyGraph(), seed);
    expect(sameElements(g, withPositions(g, new Map([['task:a:4', { x: 9, y: 9 }]])))).toBe(true);
  });
});
