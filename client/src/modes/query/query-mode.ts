/*
 * Query mode as the mode registry sees it: the Cypher panel above the canvas, details on the right.
 */
import type { Mode } from '../mode.ts';
import { mountQueryView } from './query-view.ts';

export const queryMode: Mode = {
  id: 'query',
  panels: { left: false, right: true },
  mount(host, ctx) {
    return mountQueryView(host, ctx.store, ctx.actions, ctx.console.query);
  },
};
