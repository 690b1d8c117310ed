/*
 * Named actions of present mode: enter and leave the slide show, step through scenes (each step is an
 * animated move between scenes), and fetch the evidence sentence of the relationship the presenter picked.
 */
import type { Api } from '../../api/client.ts';
import type { GEdge } from '../../state/graph.ts';
import type { Store } from '../../state/store.ts';
import type { SceneActions } from '../../scenes/scene-actions.ts';
import type { Insets } from '../../scenes/scene-canvas.ts';
import { slides, stepIndex } from './present-state.ts';

export const TRANSITION_MS = 700;

/**
 * The evidence text the edge came with: the server's first span, or — for edges of scenes saved before
 * the API sent lean elements — the stored parallel lists (docs/graph-storage.md).
 */
export function storedEvidence(e: GEdge): { text: string; source: string } | null {
  const first = e.evidence?.first;
  if (first?.text) return { text: first.text, source: first.document };
  const texts = e.properties.evidenceTexts;
  const docs = e.properties.evidenceDocs;
  if (Array.isArray(texts) && typeof texts[0] === 'string' && texts[0]) {
    return { text: texts[0], source: Array.isArray(docs) && typeof docs[0] === 'string' ? docs[0] : '' };
  }
  return null;
}

/** A document's title when its node is on the canvas (ids are `document:<file id>`), else the id as given. */
export function documentName(nodes: Readonly<Record<string, { name: string }>>, doc: string): string {
  if (!doc) return '';
  return nodes[doc.startsWith('document:') ? doc : `document:${doc}`]?.name ?? doc;
}

export function createPresentActions(store: Store, api: Api, scenes: SceneActions, insets: () => Insets = () => ({ top: 0, bottom: 0 })) {
  const set = (name: string, patch: Partial<ReturnType<Store['get']>['present']>) =>
    store.dispatch(name, (s) => ({ present: { ...s.present, ...patch } }));

  const goTo = (index: number): Promise<void> => {
    const list = slides(store.get());
    const i = stepIndex(index, 0, list.length);
    const scene = list[i];
    set('presentGoTo', { index: i, evidence: null, showEvidence: false });
    return scene ? scenes.applyScene(scene, TRANSITION_MS, 'fit', insets()) : Promise.resolve();
  };

  const actions = {
    startPresenting(from = 0): Promise<void> {
      if (!store.get().scenes.list.length) return Promise.resolve();
      store.dispatch('startPresenting', (s) => ({ mode: 'present', present: { ...s.present, active: true, index: from, evidence: null, showEvidence: false, adhoc: null } }));
      return goTo(from);
    },
    /** Presents the canvas as it is, without saving a scene first. */
    presentView(): Promise<void> {
      const scene = scenes.captureView(store.get().scenes.caption);
      if (!scene.nodes.length) return Promise.resolve();
      store.dispatch('presentView', (s) => ({ mode: 'present', present: { ...s.present, active: true, index: 0, evidence: null, showEvidence: false, adhoc: scene } }));
      return goTo(0);
    },
    stopPresenting(): void {
      if (store.get().present.active) set('stopPresenting', { active: false, evidence: null, showEvidence: false, adhoc: null });
    },
    nextSlide(): Promise<void> {
      const s = store.get();
      return s.present.index + 1 < slides(s).length ? goTo(s.present.index + 1) : Promise.resolve();
    },
    prevSlide(): Promise<void> {
      const s = store.get();
      return s.present.index > 0 ? goTo(s.present.index - 1) : Promise.resolve();
    },
    goToSlide: goTo,
    /** Fits the current slide again between the overlays (the evidence box came or went). */
    refit(): Promise<void> {
      const s = store.get();
      const scene = slides(s)[s.present.index];
      return s.present.active && scene ? scenes.refit(scene, TRANSITION_MS / 2, insets()) : Promise.resolve();
    },
    /** Picks the relationship whose evidence the caption shows; E shows and hides it. */
    async pickEdge(edgeId: string | null): Promise<void> {
      if (!edgeId) return set('pickEdge', { evidence: null });
      const e = store.get().graph.edges[edgeId];
      if (!e) return;
      // The stored span is often just the name as printed; the API gives the whole sentence around it.
      const stored = storedEvidence(e);
      const nodes = store.get().graph.nodes;
      const fallback = stored ? { edgeId, status: 'ok' as const, text: stored.text, source: documentName(nodes, stored.source) } : { edgeId, status: 'none' as const, text: '', source: '' };
      set('pickEdge', { evidence: { edgeId, status: 'loading', text: '', source: '' } });
      try {
        const d = await api.node(e.source);
        const ev = d.evidence.find((x) => x.type === e.type && x.other.id === e.target) ?? d.evidence.find((x) => x.other.id === e.target);
        if (store.get().present.evidence?.edgeId !== edgeId) return;
        // The document by its title, not its file id: an audience knows the plan's name.
        const source = ev ? ev.documentTitle || documentName(store.get().graph.nodes, ev.document) : '';
        set('evidenceLoaded', { evidence: ev && (ev.sentence || ev.text) ? { edgeId, status: 'ok', text: ev.sentence || ev.text, source } : fallback });
      } catch {
        if (store.get().present.evidence?.edgeId === edgeId) set('evidenceLoaded', { evidence: fallback });
      }
    },
    toggleEvidence(): void {
      set('toggleEvidence', { showEvidence: !store.get().present.showEvidence });
    },
  };
  return actions;
}

export type PresentActions = ReturnType<typeof createPresentActions>;
