/*
 * Shareable links: encode the canvas into the URL hash, and on page load rebuild a shared view by fetching
 * its nodes (and the relationships among them) by id, then putting each node where the link says.
 */
import type { Core } from 'cytoscape';
import type { Api } from '../api/client.ts';
import { settings } from '../settings.ts';
import { emptyGraph, mergeGraph, withPositions } from '../state/graph.ts';
import { record } from '../state/history.ts';
import type { Store } from '../state/store.ts';
import { moveCanvasTo } from '../scenes/scene-canvas.ts';
import { decodeView, shareLink, type SharedView, type ShareLink } from './view-codec.ts';

/** Nodes by id and the relationships among them, in one row so the console's row cap does not apply. */
export const FETCH_VIEW_QUERY = `MATCH (n:Entity) WHERE n.id IN $ids
OPTIONAL MATCH (n)-[r]->(m:Entity) WHERE m.id IN $ids
RETURN collect(DISTINCT n) AS nodes, collect(DISTINCT r) AS rels`;

export function currentView(cy: Core, caption: string, selected: string | null): SharedView {
  return {
    nodes: cy.nodes().map((n) => ({ id: n.id(), x: n.position().x, y: n.position().y })),
    caption,
    zoom: cy.zoom(),
    pan: { ...cy.pan() },
    selected,
    layout: null,
  };
}

export function createShareActions(store: Store, api: Api, cy: Core) {
  return {
    async makeLink(caption: string): Promise<ShareLink> {
      return shareLink(location.href, currentView(cy, caption, store.get().selected));
    },
    /** Opens a `#view=` token; resolves to the ids the server no longer knows (usually none). */
    async openShared(token: string): Promise<{ missing: string[]; caption: string }> {
      const view = await decodeView(token);
      const ids = view.nodes.map((n) => n.id);
      const r = ids.length ? await api.cypher(FETCH_VIEW_QUERY, { ids }) : { graph: { nodes: [], edges: [] } };
      const positions = new Map(view.nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
      const nodes = r.graph.nodes.map((n) => ({ ...n }));
      store.dispatch('openShared', (s) => {
        let graph = mergeGraph(emptyGraph(), { nodes, edges: r.graph.edges });
        graph = withPositions(graph, positions);
        const selected = view.selected && graph.nodes[view.selected] ? view.selected : null;
        return {
          graph,
          history: record(s.history, s.graph, settings.historyLimit),
          selected,
          details: null,
          expandMenu: null,
          scenes: { ...s.scenes, current: null, caption: view.caption },
        };
      });
      await moveCanvasTo(cy, positions, view.zoom !== null && view.pan ? { zoom: view.zoom, pan: view.pan } : null, 0);
      if (view.zoom === null) cy.fit(undefined, 40);
      const found = new Set(r.graph.nodes.map((n) => n.id));
      return { missing: ids.filter((id) => !found.has(id)), caption: view.caption };
    },
  };
}

export type ShareActions = ReturnType<typeof createShareActions>;
