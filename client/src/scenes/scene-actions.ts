/*
 * Named actions over scenes: save the canvas as a scene, edit the list, import and export the JSON file,
 * and show a scene on the canvas. Every list change is mirrored to localStorage here, in one place.
 */
import type { Core } from 'cytoscape';
import type { ChangeGraph } from '../state/graph-change.ts';
import type { Store } from '../state/store.ts';
import { defaultViewStyle } from '../canvas/view-style.ts';
import { settings } from '../settings.ts';
import { captureScene, moveCanvasTo, sceneGraph, scenePositions, type Insets } from './scene-canvas.ts';
import { slideViewport } from '../modes/present/slide-fit.ts';
import {
  deleteScene, mergeImported, moveScene, nudgeScene, parseScenesFile, renameScene, setCaption, toScenesFile, type Scene,
} from './scene-model.ts';
import { persistScenes } from './scenes-state.ts';
import { restoreAnalysis } from '../modes/analysis/analysis-state.ts';

export interface SceneHooks {
  cy: Core;
  /** The one way to replace the canvas's graph (undoable). */
  changeGraph: ChangeGraph;
  /** Reports a problem or confirmation to the user (the explorer's toast). */
  notify(text: string, kind?: 'info' | 'error'): void;
  storageFullText(): string;
}

export function createSceneActions(store: Store, hooks: SceneHooks) {
  const { cy } = hooks;
  const setList = (name: string, fn: (l: Scene[]) => Scene[], current?: string | null) => {
    store.dispatch(name, (s) => ({ scenes: { ...s.scenes, list: fn(s.scenes.list), current: current === undefined ? s.scenes.current : current } }));
    if (!persistScenes(store.get().scenes.list)) hooks.notify(hooks.storageFullText(), 'error');
  };

  const actions = {
    saveScene(name: string, caption: string): Scene {
      const scene = captureScene(cy, store.get(), name, caption);
      setList('saveScene', (l) => [...l, scene], scene.id);
      return scene;
    },
    setViewCaption(caption: string): void {
      store.dispatch('setViewCaption', (s) => ({ scenes: { ...s.scenes, caption } }));
    },
    renameScene(id: string, name: string): void {
      setList('renameScene', (l) => renameScene(l, id, name));
    },
    setSceneCaption(id: string, caption: string): void {
      setList('setSceneCaption', (l) => setCaption(l, id, caption));
    },
    moveScene(id: string, to: number): void {
      setList('moveScene', (l) => moveScene(l, id, to));
    },
    nudgeScene(id: string, delta: -1 | 1): void {
      setList('nudgeScene', (l) => nudgeScene(l, id, delta));
    },
    deleteScene(id: string): void {
      setList('deleteScene', (l) => deleteScene(l, id), store.get().scenes.current === id ? null : undefined);
    },
    exportScenesText(ids?: readonly string[]): string {
      const list = store.get().scenes.list.filter((s) => !ids || ids.includes(s.id));
      return `${JSON.stringify(toScenesFile(list), null, 2)}\n`;
    },
    /** The canvas as a one-scene file (what a too-large share link offers instead). */
    exportViewText(name: string): string {
      const scene = captureScene(cy, store.get(), name, store.get().scenes.caption);
      return `${JSON.stringify(toScenesFile([scene]), null, 2)}\n`;
    },
    /** Appends the scenes of a file; returns how many, or the reason the file was refused. */
    importScenes(text: string): { ok: true; count: number } | { ok: false; message: string } {
      const r = parseScenesFile(text);
      if (!r.ok) return r;
      setList('importScenes', (l) => mergeImported(l, r.scenes));
      return { ok: true, count: r.scenes.length };
    },
    /**
     * Puts a scene on the canvas: its elements replace the graph (undoable), then nodes glide to their
     * places and the viewport to the scene's zoom and pan over `duration` ms.
     */
    showScene(id: string, duration = 600, viewport: 'saved' | 'fit' = 'saved'): Promise<void> {
      const scene = store.get().scenes.list.find((s) => s.id === id);
      return scene ? actions.applyScene(scene, duration, viewport) : Promise.resolve();
    },
    /** The canvas as a scene that is not saved in the list (what "present this view" shows). */
    captureView(name: string): Scene {
      return captureScene(cy, store.get(), name, store.get().scenes.caption);
    },
    /** Puts any scene on the canvas, saved or not (see showScene). */
    applyScene(scene: Scene, duration = 600, viewport: 'saved' | 'fit' = 'saved', insets?: Insets): Promise<void> {
      cy.stop(true, true);
      hooks.changeGraph('showScene', () => sceneGraph(scene), (s) => ({
        layout: (['fcose', 'dagre', 'concentric', 'grid'] as const).find((l) => l === scene.layout) ?? s.layout,
        selected: scene.selected && scene.nodes.some((n) => n.id === scene.selected) ? scene.selected : null,
        details: null,
        expandMenu: null,
        scenes: { ...s.scenes, current: scene.id, caption: scene.caption },
        style: scene.style ?? defaultViewStyle(settings),
        // A scene saved in Analysis opens its tab and filters again; a slide show stays in Present.
        ...(scene.analysis ? { analysis: restoreAnalysis(s.analysis, scene.analysis), ...(s.present.active ? {} : { mode: 'analysis' as const }) } : {}),
      }));
      const positions = scenePositions(scene);
      // A slide fills whatever screen it is shown on; the studio restores the exact saved viewport.
      const vp = viewport === 'fit' ? slideViewport(cy, positions, insets ?? { top: 0, bottom: 0 }) : { zoom: scene.zoom, pan: scene.pan };
      return moveCanvasTo(cy, positions, vp, duration);
    },
    /** Moves the viewport to fit a scene shown already, between `insets` (an overlay came or went). */
    refit(scene: Scene, duration: number, insets: Insets): Promise<void> {
      const positions = scenePositions(scene);
      return moveCanvasTo(cy, positions, slideViewport(cy, positions, insets), duration);
    },
  };
  return actions;
}

export type SceneActions = ReturnType<typeof createSceneActions>;
