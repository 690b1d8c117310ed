import { describe, expect, it } from 'vitest';
import {
  assignClusters, buildNetwork, clusterColour, edgeWidth, nodeSize, pairId, pairsToNetwork, type CollaborationPair,
} from '../../../../client/src/modes/analysis/collaboration-model.ts';

const pair = (a: string, b: string, shared: number, kinds: Partial<Pick<CollaborationPair, 'leadSupport' | 'supportSupport' | 'joint'>> = {}): CollaborationPair => ({
  agencyA: a, nameA: a.toUpperCase(), groupA: false, jurisdictionA: 'x',
  agencyB: b, nameB: b.toUpperCase(), groupB: b === 'g', jurisdictionB: 'x',
  sharedTasks: shared, leadSupport: kinds.leadSupport ?? 0, supportSupport: kinds.supportSupport ?? 0, joint: kinds.joint ?? shared,
});

/** Two triangles (a-b-c, d-e-f) joined by one light edge c-d. */
const TWO_TRIANGLES = [
  pair('a', 'b', 5), pair('b', 'c', 4), pair('a', 'c', 6),
  pair('d', 'e', 5), pair('e', 'f', 4), pair('d', 'f', 6),
  pair('c', 'd', 1),
];

describe('pairs to weighted edges', () => {
  it('gives one edge per pair, weighted by the measure, with the agencies it touches and their strength', () => {
    const net = pairsToNetwork([pair('a', 'b', 3, { leadSupport: 2, joint: 1 }), pair('b', 'c', 1, { supportSupport: 1, joint: 0 })], 'sharedTasks');
    expect(net.edges.map((e) => [e.source, e.target, e.weight])).toEqual([['a', 'b', 3], ['b', 'c', 1]]);
    expect(net.nodes.map((n) => [n.id, n.strength])).toEqual([['b', 4], ['a', 3], ['c', 1]]);
    expect(net.nodes.find((n) => n.id === 'a')?.name).toBe('A');
  });

  it('weighs by one kind of pair and drops edges and agencies that kind never joins', () => {
    const net = pairsToNetwork([pair('a', 'b', 3, { leadSupport: 2, joint: 1 }), pair('b', 'c', 1, { supportSupport: 1, joint: 0 })], 'leadSupport');
    expect(net.edges.map((e) => [e.id, e.weight])).toEqual([['a|b', 2]]);
    expect(net.nodes.map((n) => n.id).sort()).toEqual(['a', 'b']);
    // The edge still carries every count, for the panel.
    expect(net.edges[0]).toMatchObject({ sharedTasks: 3, leadSupport: 2, joint: 1 });
  });

  it('keeps only edges at or above the minimum weight, never below one', () => {
    expect(pairsToNetwork(TWO_TRIANGLES, 'sharedTasks', 5).edges.map((e) => e.id).sort()).toEqual(['a|b', 'a|c', 'd|e', 'd|f']);
    expect(pairsToNetwork([pair('a', 'b', 0)], 'sharedTasks', 0).edges).toEqual([]);
  });

  it('reads a pair given twice, either way round, as one edge with one id', () => {
    const net = pairsToNetwork([pair('b', 'a', 2), pair('a', 'b', 2)], 'sharedTasks');
    expect(net.edges).toHaveLength(1);
    expect(net.edges[0]).toMatchObject({ id: 'a|b', source: 'a', target: 'b' });
    expect(pairId('b', 'a')).toBe(pairId('a', 'b'));
  });

  it('ignores a pair of an agency with itself', () => {
    expect(pairsToNetwork([pair('a', 'a', 3)], 'sharedTasks').edges).toEqual([]);
  });
});

describe('cluster assignment', () => {
  it('puts two triangles joined by a light edge in two clusters', () => {
    const { nodes, edges } = pairsToNetwork(TWO_TRIANGLES, 'sharedTasks');
    const { cluster, count } = assignClusters(nodes, edges);
    expect(count).toBe(2);
    expect(new Set(['a', 'b', 'c'].map((id) => cluster.get(id))).size).toBe(1);
    expect(new Set(['d', 'e', 'f'].map((id) => cluster.get(id))).size).toBe(1);
    expect(cluster.get('a')).not.toBe(cluster.get('d'));
  });

  it('numbers clusters by size, largest first, and gives the same answer on every run', () => {
    const pairs = [...TWO_TRIANGLES, pair('f', 'g', 7), pair('e', 'g', 7), pair('d', 'g', 7)];
    const first = buildNetwork(pairs, 'sharedTasks');
    const again = buildNetwork([...pairs].reverse(), 'sharedTasks');
    const of = (net: typeof first, id: string) => net.nodes.find((n) => n.id === id)!.cluster;
    expect(of(first, 'd')).toBe(0);
    expect(of(first, 'a')).toBe(1);
    expect(first.nodes.map((n) => [n.id, n.cluster]).sort()).toEqual(again.nodes.map((n) => [n.id, n.cluster]).sort());
  });

  it('copes with no edges at all', () => {
    expect(assignClusters([], [])).toEqual({ cluster: new Map(), count: 0 });
    expect(buildNetwork([], 'sharedTasks')).toEqual({ nodes: [], edges: [], clusters: 0 });
  });
});

describe('drawing sizes and colours', () => {
  it('widens edges from 1 px for the lightest to 14 px for the heaviest, growing slower than the weight', () => {
    expect(edgeWidth(1, 9)).toBe(1);
    expect(edgeWidth(9, 9)).toBe(14);
    expect(edgeWidth(5, 9)).toBeGreaterThan(7.5);
    expect(edgeWidth(3, 1)).toBe(2);
  });

  it('sizes nodes between 14 and 44 px and colours clusters past the palette grey', () => {
    expect(nodeSize(0, 10)).toBe(14);
    expect(nodeSize(10, 10)).toBe(44);
    expect(clusterColour(0)).not.toBe(clusterColour(1));
    expect(clusterColour(40)).toBe('#c7c7c7');
  });
});
