/*
 * Analysis mode as the mode registry sees it: a tab per analysis view (collaboration, workload, task
 * breakdown, targets against results, plans over time) above the canvas. Views register in analysis-views.ts.
 */
import type { Mode } from '../mode.ts';
import { h } from '../../panels/dom.ts';
import { translate } from '../../i18n/index.ts';
import { ANALYSIS_VIEWS } from './analysis-views.ts';

export const analysisMode: Mode = {
  id: 'analysis',
  panels: { left: false, right: true },
  mount(host, ctx) {
    const tabs = h('nav', { class: 'analysis-tabs', role: 'tablist' });
    const body = h('div', { class: 'analysis-body' });
    const root = h('div', { class: 'analysis', id: 'analysis' }, tabs, body);
    host.append(root);
    let current = ANALYSIS_VIEWS[0]?.id;
    let cleanup: (() => void) | undefined;
    const drawTabs = () => {
      const lang = ctx.store.get().lang;
      tabs.replaceChildren(...ANALYSIS_VIEWS.map((v) => h('button', {
        class: `tab${v.id === current ? ' active' : ''}`, role: 'tab', 'data-view': v.id,
        'aria-selected': v.id === current ? 'true' : 'false',
        onclick: () => { current = v.id; show(); },
      }, translate(lang, v.titleKey))));
    };
    const show = () => {
      cleanup?.();
      body.replaceChildren();
      drawTabs();
      const view = ANALYSIS_VIEWS.find((v) => v.id === current);
      cleanup = view?.mount(body, ctx);
    };
    show();
    const off = ctx.store.subscribe((s, p) => { if (s.lang !== p.lang) drawTabs(); });
    return () => { off(); cleanup?.(); root.remove(); };
  },
};
