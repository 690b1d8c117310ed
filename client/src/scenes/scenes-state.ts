/*
 * The scenes slice of the one state object: the ordered list the analyst builds, mirrored to localStorage
 * so it survives a reload. Registered in state/store.ts; changed only by scene-actions.ts.
 */
import { loadStoredScenes, toScenesFile, type Scene } from './scene-model.ts';

export const SCENES_KEY = 'policy-graph.scenes';

export interface ScenesSlice {
  list: Scene[];
  /** Scene last applied to the canvas (highlighted in the list). */
  current: string | null;
  /** Caption of the view on the canvas: saved with a scene, carried by a shared link, shown over the canvas. */
  caption: string;
}

export function initialScenesSlice(): ScenesSlice {
  let text: string | null = null;
  try {
    text = globalThis.localStorage?.getItem(SCENES_KEY) ?? null;
  } catch { /* storage disabled */ }
  return { list: loadStoredScenes(text), current: null, caption: '' };
}

/** Writes the list; a full quota is reported to the caller instead of losing the in-memory scenes. */
export function persistScenes(list: readonly Scene[]): boolean {
  try {
    localStorage.setItem(SCENES_KEY, JSON.stringify(toScenesFile(list)));
    return true;
  } catch {
    return false;
  }
}
