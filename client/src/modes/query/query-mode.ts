/*
 * Query mode as the mode registry sees it: the Cypher panel above the canvas, details on the right.
 */
import type { Mode } from '../mode.ts';
import { consoleFor } from './console.ts';
import { mountQueryView } from './query-view.ts';

export const queryMode: Mode = {
  id: 'query',
  panels: { left: false, right: true },
  mount(host, ctx) {
    return mountQueryView(host, ctx.store, ctx.actions, consoleFor(ctx).query);
  },
};

/** Runs at start-up whatever the mode: opens a shared link and exposes the console to tests. */
export function initConsole(ctx: Parameters<NonNullable<Mode['mount']>>[1]): void {
  consoleFor(ctx);
}
