/*
 * Modes (Explore / Documents / Analysis / Query / Present) as a registry: each mode says which side panels it
 * shows and may mount its own view into the mode host above the canvas. Explore is the canvas itself.
 */
import type { ModeId } from '../state/store.ts';
import type { Mode, ModeContext } from './mode.ts';
import { presentMode } from './present/present-mode.ts';
import { queryMode } from './query/query-mode.ts';
import { libraryMode } from './library/library-mode.ts';
import { analysisMode } from './analysis/analysis-mode.ts';

export const MODES: Record<ModeId, Mode> = {
  explore: { id: 'explore', panels: { left: true, right: true } },
  query: queryMode,
  present: presentMode,
  library: libraryMode,
  analysis: analysisMode,
};

export function mountModes(host: HTMLElement, shell: HTMLElement, ctx: ModeContext): void {
  let cleanup: (() => void) | undefined;
  const apply = (id: ModeId, refit = false) => {
    cleanup?.();
    cleanup = undefined;
    const mode = MODES[id];
    shell.classList.toggle('no-left', !mode.panels.left);
    shell.classList.toggle('no-right', !mode.panels.right);
    host.hidden = !mode.mount;
    if (mode.mount) cleanup = mode.mount(host, ctx);
    // The canvas changed size; let cytoscape measure again, and when the user switched modes, fit the graph
    // to the new size (a shared link that sets the mode keeps its own zoom and pan).
    requestAnimationFrame(() => {
      ctx.cy.resize();
      if (refit && ctx.cy.nodes().nonempty() && !ctx.store.get().present.active) ctx.cy.fit(undefined, 40);
    });
  };
  apply(ctx.store.get().mode);
  ctx.store.subscribe((s, p) => { if (s.mode !== p.mode) apply(s.mode, s.log[s.log.length - 1] === 'setMode'); });
}
