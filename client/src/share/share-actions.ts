/*
 * Shareable links: encode the whole view into the URL hash, and on page load rebuild it by fetching its
 * nodes (and the relationships among them) by id, keeping the relationships the link names, adding the
 * derived ones it carries, and putting each node where the link says.
 */
import type { Core } from 'cytoscape';
import type { Api } from '../api/client.ts';
import type { ApiEdge, ApiGraph } from '../api/types.ts';
import { emptyGraph, mergeGraph, setPinned, withPositions, type GEdge } from '../state/graph.ts';
import type { ChangeGraph } from '../state/graph-change.ts';
import type { LayoutName, State, Store } from '../state/store.ts';
import { moveCanvasTo } from '../scenes/scene-canvas.ts';
import { defaultViewStyle } from '../canvas/view-style.ts';
import { settings } from '../settings.ts';
import { restoreAnalysis, sharedAnalysis } from '../modes/analysis/analysis-state.ts';
import { decodeView, shareLink, type SharedDerivedEdge, type SharedEdge, type SharedView, type ShareLink } from './view-codec.ts';

/** Nodes by id and the relationships among them, in one row so the console's row cap does not apply. */
export const FETCH_VIEW_QUERY = `MATCH (n:Entity) WHERE n.id IN $ids
OPTIONAL MATCH (n)-[r]->(m:Entity) WHERE m.id IN $ids
RETURN collect(DISTINCT n) AS nodes, collect(DISTINCT r) AS rels`;

export function currentView(cy: Core, s: State): SharedView {
  const edges: SharedEdge[] = [];
  const derived: SharedDerivedEdge[] = [];
  cy.edges().forEach((el) => {
    const g = s.graph.edges[el.id()];
    const base = { id: el.id(), source: el.source().id(), target: el.target().id(), type: g?.type ?? String(el.data('type') ?? '') };
    if (g?.derived) {
      const properties = Object.fromEntries(Object.entries(g.properties).filter((kv): kv is [string, string | number | boolean | null] => !Array.isArray(kv[1])));
      derived.push({ ...base, properties });
    } else edges.push(base);
  });
  return {
    nodes: cy.nodes().map((n) => ({ id: n.id(), x: n.position().x, y: n.position().y, ...(s.graph.nodes[n.id()]?.pinned ? { pinned: true } : {}) })),
    edges,
    derived,
    caption: s.scenes.caption,
    zoom: cy.zoom(),
    pan: { ...cy.pan() },
    selected: s.selected,
    layout: s.layout,
    mode: s.mode,
    style: s.style,
    ...(s.mode === 'analysis' ? { analysis: sharedAnalysis(s.analysis) } : {}),
  };
}

/**
 * The stored relationships a link names, from those the server has among its nodes: by id, or — when the
 * database was reloaded and ids changed — by the same ends and type. Links without an edge list take all.
 */
export function pickEdges(fetched: readonly ApiEdge[], wanted: readonly SharedEdge[] | undefined): ApiEdge[] {
  if (!wanted) return [...fetched];
  const byId = new Map(fetched.map((e) => [e.id, e]));
  const used = new Set<string>();
  const out: ApiEdge[] = [];
  for (const w of wanted) {
    const hit = byId.get(w.id) ?? fetched.find((e) => !used.has(e.id) && e.source === w.source && e.target === w.target && e.type === w.type);
    if (hit && !used.has(hit.id)) { used.add(hit.id); out.push(hit); }
  }
  return out;
}

const LAYOUTS: readonly LayoutName[] = ['fcose', 'dagre', 'concentric', 'grid'];

export function createShareActions(store: Store, api: Api, cy: Core, changeGraph: ChangeGraph) {
  return {
    async makeLink(): Promise<ShareLink> {
      return shareLink(location.href, currentView(cy, store.get()));
    },
    /**
     * Opens a `#view=` token: the nodes and relationships named by the link, where the link puts them, in
     * its mode, with its caption and selection. Resolves to the ids the server no longer knows.
     */
    async openShared(token: string): Promise<{ missing: string[]; caption: string }> {
      const view = await decodeView(token);
      const ids = view.nodes.map((n) => n.id);
      let r: { graph: ApiGraph };
      try {
        r = ids.length ? await api.cypher(FETCH_VIEW_QUERY, { ids }) : { graph: { nodes: [], edges: [] } };
      } catch (e) {
        throw new ShareFetchError(e instanceof Error ? e.message : String(e));
      }
      const positions = new Map(view.nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
      const pinned = view.nodes.filter((n) => n.pinned).map((n) => n.id);
      const derived: GEdge[] = (view.derived ?? []).map((e) => ({ ...e, properties: { ...e.properties }, derived: true }));
      const merged = mergeGraph(emptyGraph(), { nodes: r.graph.nodes, edges: pickEdges(r.graph.edges, view.edges), derived });
      const graph = setPinned(withPositions(merged, positions), pinned, true);
      // Undoable like any graph change: undo brings back the canvas the link replaced.
      changeGraph('openShared', () => graph, (s) => {
        const selected = view.selected && graph.nodes[view.selected] ? view.selected : null;
        return {
          mode: view.mode ?? s.mode,
          layout: LAYOUTS.find((l) => l === view.layout) ?? s.layout,
          selected,
          details: null,
          expandMenu: null,
          scenes: { ...s.scenes, current: null, caption: view.caption },
          style: view.style ?? defaultViewStyle(settings),
          ...(view.analysis ? { analysis: restoreAnalysis(s.analysis, view.analysis) } : {}),
        };
      });
      await moveCanvasTo(cy, positions, view.zoom !== null && view.pan ? { zoom: view.zoom, pan: view.pan } : null, 0);
      if (view.zoom === null) cy.fit(undefined, 40);
      const found = new Set(r.graph.nodes.map((n) => n.id));
      return { missing: ids.filter((id) => !found.has(id)), caption: view.caption };
    },
  };
}

/** The link was fine but the server could not be asked for its nodes. */
export class ShareFetchError extends Error {
  constructor(readonly detail: string) {
    super(`could not fetch the view's nodes: ${detail}`);
    this.name = 'ShareFetchError';
  }
}

export type ShareActions = ReturnType<typeof createShareActions>;
