/*
 * The contract between the mode registry and each mode: what a mode declares (its side panels, its view)
 * and what it is given (store, actions, api, canvas, console). Modes import this file, never one another, so a mode
 * can be added, removed or rewritten without touching the others (tests/unit/client/mode-imports.test.ts).
 */
import type { Core } from 'cytoscape';
import type { Api } from '../api/client.ts';
import type { Console } from '../console/console.ts';
import type { Actions } from '../state/actions.ts';
import type { ModeId, Store } from '../state/store.ts';

export interface ModeContext {
  store: Store;
  actions: Actions;
  api: Api;
  cy: Core;
  /** Query, scene, present and share actions and the large view, built once by main.ts. */
  console: Console;
}

export interface Mode {
  id: ModeId;
  panels: { left: boolean; right: boolean };
  /** Called when the mode becomes active; returns a clean-up for when it stops being active. */
  mount?(host: HTMLElement, ctx: ModeContext): () => void;
}
