/*
 * Graph changes and undo go through one function (client/src/state/graph-change.ts): it snapshots the graph
 * with the canvas's positions before each change, and no other client module records or steps history.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGraphChanges } from '../../../client/src/state/graph-change.ts';
import { mergeGraph, removeNodes } from '../../../client/src/state/graph.ts';
import { createStore, initialState } from '../../../client/src/state/store.ts';
import { ROOT_DIR } from '../../../server/version.ts';

const node = (id: string) => ({ id, label: 'Agency', labels: ['Entity', 'Agency'], name: id, aliases: [], properties: {} });

function setup() {
  const store = createStore(initialState('zh'));
  const positions = new Map<string, { x: number; y: number }>();
  return { store, positions, changes: createGraphChanges(store, () => positions) };
}

describe('a graph change', () => {
  it('replaces the graph, applies its extras under its own name, and can be undone and redone', () => {
    const { store, changes } = setup();
    changes.changeGraph('add', (g) => mergeGraph(g, { nodes: [node('a'), node('b')] }), (s) => ({ layoutRun: s.layoutRun + 1, selected: 'a' }));
    expect(Object.keys(store.get().graph.nodes).sort()).toEqual(['a', 'b']);
    expect(store.get()).toMatchObject({ layoutRun: 1, selected: 'a' });
    expect(store.get().log.at(-1)).toBe('add');

    changes.changeGraph('remove', (g) => removeNodes(g, ['b']));
    changes.undo();
    expect(Object.keys(store.get().graph.nodes).sort()).toEqual(['a', 'b']);
    changes.undo();
    expect(store.get().graph.nodes).toEqual({});
    changes.redo();
    changes.redo();
    expect(Object.keys(store.get().graph.nodes)).toEqual(['a']);
  });

  it('remembers where the nodes were on the canvas, so undo puts them back there', () => {
    const { store, positions, changes } = setup();
    changes.changeGraph('add', (g) => mergeGraph(g, { nodes: [node('a')] }));
    positions.set('a', { x: 40, y: 7 });
    changes.changeGraph('relayout', (g) => ({ ...g }));
    positions.set('a', { x: 300, y: 300 });
    changes.undo();
    expect(store.get().graph.nodes.a?.position).toEqual({ x: 40, y: 7 });
  });

  it('leaves state alone when there is nothing to undo or redo', () => {
    const { store, changes } = setup();
    const before = store.get().graph;
    changes.undo();
    changes.redo();
    expect(store.get().graph).toBe(before);
  });
});

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('undo history', () => {
  it('is recorded and stepped only by graph-change.ts (other modules may only create an empty one)', () => {
    const src = path.join(ROOT_DIR, 'client', 'src');
    const historyImport = /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*['"][./]*(?:state\/)?history\.ts['"]/g;
    const offenders = walk(src)
      .filter((f) => !f.endsWith(path.join('state', 'graph-change.ts')))
      .flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(historyImport)]
        .flatMap((m) => m[1]!.split(',').map((n) => n.trim().replace(/^type\s+/, '')).filter((n) => n && n !== 'emptyHistory' && n !== 'History'))
        .map((n) => `${path.relative(src, f)}: ${n}`));
    expect(offenders).toEqual([]);
    // The check reads real imports: graph-change.ts's own import of record/undo/redo matches the pattern.
    expect(fs.readFileSync(path.join(src, 'state', 'graph-change.ts'), 'utf8')).toMatch(historyImport);
  });
});
