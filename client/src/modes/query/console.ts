/*
 * The analyst console's wiring, created once per page: query, scene, present and share actions, the
 * large-graph view over the canvas, and the opening of a shared link from the URL hash. Modes get their
 * actions from here, so switching modes never loses a result or a scene.
 */
import type { ModeContext } from '../mode.ts';
import { h, replace } from '../../panels/dom.ts';
import { createLargeView, type LargeView } from '../../large-graph/large-view.ts';
import { createSceneActions, type SceneActions } from '../../scenes/scene-actions.ts';
import { createShareActions, type ShareActions } from '../../share/share-actions.ts';
import { viewTokenFromHash } from '../../share/view-codec.ts';
import { shareErrorText } from '../../share/share-view.ts';
import { createPresentActions, type PresentActions } from '../present/present-actions.ts';
import { slideInsets } from '../present/slideshow.ts';
import { tf } from '../../i18n/format.ts';
import { createQueryActions, type QueryActions } from './query-actions.ts';

export interface Console {
  query: QueryActions;
  scenes: SceneActions;
  present: PresentActions;
  share: ShareActions;
  large: LargeView;
  /** Resolves when a shared link in the URL has been opened (or at once when there is none). */
  ready: Promise<void>;
}

const consoles = new WeakMap<object, Console>();

declare global {
  interface Window { __console?: Console }
}

export function consoleFor(ctx: ModeContext): Console {
  const hit = consoles.get(ctx.store);
  if (hit) return hit;
  const { store, api, cy, actions } = ctx;
  const lang = () => store.get().lang;

  const wrap = cy.container()?.parentElement ?? document.body;
  const largeHost = h('div', { class: 'lg-host', id: 'large-view', hidden: true });
  const banner = h('div', { class: 'lg-banner', id: 'large-banner', hidden: true });
  wrap.append(largeHost, banner);
  const large = createLargeView(largeHost, (r) => {
    banner.hidden = !r;
    if (!r) return;
    const renderer = tf(lang(), r.renderer === 'webgl' ? 'lgWebgl' : r.rendererReason === 'software-webgl' ? 'lgCanvasSoftware' : 'lgCanvas');
    banner.dataset.renderer = r.renderer;
    replace(banner,
      h('span', {}, tf(lang(), 'lgBanner', { nodes: r.nodes, edges: r.edges, renderer })),
      r.omitted ? h('span', { class: 'lg-omitted', id: 'large-omitted' }, tf(lang(), 'lgNotDrawn', { n: r.omitted })) : null,
      h('button', { class: 'btn', onclick: () => large.hide() }, tf(lang(), 'lgClose')));
  });

  const query = createQueryActions(store, api, {
    positions: () => new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }])),
    showLarge: (g) => large.show(g),
    hideLarge: () => large.hide(),
  });
  const scenes = createSceneActions(store, {
    cy,
    notify: (text, kind) => actions.toast(text, kind),
    storageFullText: () => tf(lang(), 'scStorageFull'),
  });
  const present = createPresentActions(store, api, scenes, () => slideInsets(cy.container()));
  const share = createShareActions(store, api, cy);

  // The large view belongs to query results; leaving query mode puts the explorer's canvas back.
  store.subscribe((s, p) => { if (s.mode !== p.mode && s.mode !== 'query') large.hide(); });

  // A link that cannot be opened says why on the canvas until dismissed (a toast is gone before it is read).
  const shareError = h('div', { class: 'share-error', id: 'share-error', role: 'alert', hidden: true });
  wrap.append(shareError);
  let shareFailure: unknown = null;
  const drawShareError = () => {
    shareError.hidden = shareFailure === null;
    if (shareFailure === null) return;
    replace(shareError, h('strong', {}, tf(lang(), 'shErrorTitle')), h('span', { id: 'share-error-text' }, shareErrorText(lang(), shareFailure)),
      h('button', { class: 'btn small', onclick: () => { shareFailure = null; drawShareError(); } }, tf(lang(), 'close')));
  };
  store.subscribe((s, p) => { if (s.lang !== p.lang) drawShareError(); });

  const token = viewTokenFromHash(location.hash);
  const ready = token
    ? (async () => {
      actions.toast(tf(lang(), 'shOpening'));
      try {
        const r = await share.openShared(token);
        const selected = store.get().selected;
        if (selected) actions.select(selected);
        if (r.missing.length) actions.toast(tf(lang(), 'shMissing', { n: r.missing.length }), 'error');
      } catch (e) {
        shareFailure = e;
        drawShareError();
        actions.toast(shareErrorText(lang(), e), 'error');
      }
    })()
    : Promise.resolve();

  const c: Console = { query, scenes, present, share, large, ready };
  consoles.set(store, c);
  window.__console = c;
  return c;
}
