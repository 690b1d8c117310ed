/*
 * Present mode as the mode registry sees it: the studio panel plus the slide show, both views of the
 * present and scenes slices.
 */
import type { Mode } from '../mode.ts';
import { mountSlideshow } from './slideshow.ts';
import { mountStudio } from './studio-view.ts';

export const presentMode: Mode = {
  id: 'present',
  panels: { left: false, right: false },
  mount(host, ctx) {
    const c = ctx.console;
    const offStudio = mountStudio(host, ctx.store, ctx.actions, ctx.cy, c);
    const offShow = mountSlideshow(ctx.store, ctx.cy, c);
    return () => { offShow(); offStudio(); };
  },
};
