/*
 * Analysis mode as the mode registry sees it: a tab per analysis view (collaboration, workload, task
 * breakdown, targets against results, plans over time) above the canvas. Views register in analysis-views.ts.
 * The open tab lives in the state (analysis-state.ts), so share links and scenes carry it; a link or scene
 * opened while the mode is showing starts the view again from the state it brought.
 */
import type { Mode } from '../mode.ts';
import { h } from '../../panels/dom.ts';
import { translate } from '../../i18n/index.ts';
import { ANALYSIS_VIEWS } from './analysis-views.ts';
import type { AnalysisTab } from './analysis-state.ts';
import { tf } from '../../i18n/format.ts';

export const analysisMode: Mode = {
  id: 'analysis',
  panels: { left: false, right: true },
  mount(host, ctx) {
    const tabs = h('nav', { class: 'analysis-tabs', role: 'tablist' });
    const body = h('div', { class: 'analysis-body' });
    const root = h('div', { class: 'analysis', id: 'analysis' }, tabs, body);
    host.append(root);
    let cleanup: (() => void) | undefined;
    const current = () => ctx.store.get().analysis.tab;
    const pick = (tab: AnalysisTab) => {
      ctx.store.dispatch('analysisTab', (s) => ({ analysis: { ...s.analysis, tab } }));
      show();
    };
    // A scene of the open tab with its filters (the canvas under the layer travels with it, as in any scene).
    const saveScene = () => {
      const s = ctx.store.get();
      const name = tf(s.lang, 'scDefaultName', { n: s.scenes.list.length + 1 });
      ctx.console.scenes.saveScene(name, s.scenes.caption);
      ctx.actions.toast(tf(s.lang, 'anSceneSaved', { name }));
    };
    const drawTabs = () => {
      const lang = ctx.store.get().lang;
      tabs.replaceChildren(...ANALYSIS_VIEWS.map((v) => h('button', {
        class: `tab${v.id === current() ? ' active' : ''}`, role: 'tab', 'data-view': v.id,
        'aria-selected': v.id === current() ? 'true' : 'false',
        onclick: () => pick(v.id),
      }, translate(lang, v.titleKey))),
      h('button', { class: 'btn small analysis-save-scene', id: 'analysis-save-scene', title: translate(lang, 'anSaveSceneTitle'), onclick: saveScene },
        translate(lang, 'anSaveScene')));
    };
    const show = () => {
      cleanup?.();
      body.replaceChildren();
      drawTabs();
      const view = ANALYSIS_VIEWS.find((v) => v.id === current()) ?? ANALYSIS_VIEWS[0];
      cleanup = view?.mount(body, ctx);
    };
    show();
    const off = ctx.store.subscribe((s, p) => {
      if (s.analysis.restored !== p.analysis.restored) show();
      else if (s.lang !== p.lang) drawTabs();
    });
    return () => { off(); cleanup?.(); root.remove(); };
  },
};
