/*
 * The analyst console: query, scene, present and share actions and the large-graph view. main.ts (the
 * composition root) builds them once and hands them to the modes through ModeContext, so switching modes
 * never loses a result or a scene. This file holds the console's type and the two pieces of page wiring it
 * needs: the large view with its banner, and opening a shared link from the URL whatever the first mode.
 */
import { h, replace } from '../panels/dom.ts';
import { tf } from '../i18n/format.ts';
import { createLargeView, type LargeView } from '../large-graph/large-view.ts';
import type { QueryActions } from '../modes/query/query-actions.ts';
import type { PresentActions } from '../modes/present/present-actions.ts';
import type { SceneActions } from '../scenes/scene-actions.ts';
import type { ShareActions } from '../share/share-actions.ts';
import { viewTokenFromHash } from '../share/view-codec.ts';
import { shareErrorText } from '../share/share-view.ts';
import type { CoreActions } from '../state/actions.ts';
import type { Store } from '../state/store.ts';

export interface Console {
  query: QueryActions;
  scenes: SceneActions;
  present: PresentActions;
  share: ShareActions;
  large: LargeView;
  /** Resolves when a shared link in the URL has been opened (or at once when there is none). */
  ready: Promise<void>;
}

declare global {
  interface Window { __console?: Console }
}

/** The view for results too large for the canvas, over the canvas (`wrap`), with a banner saying what it drew. */
export function mountLargeView(wrap: HTMLElement, store: Store): LargeView {
  const lang = () => store.get().lang;
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
  // The large view belongs to query results; leaving query mode puts the explorer's canvas back.
  store.subscribe((s, p) => { if (s.mode !== p.mode && s.mode !== 'query') large.hide(); });
  return large;
}

/**
 * Opens the `#view=` link in the URL, if any; resolves when it is open. A link that cannot be opened says
 * why on the canvas (`wrap`) until dismissed: a toast is gone before it is read.
 */
export function openSharedFromUrl(wrap: HTMLElement, store: Store, actions: Pick<CoreActions, 'toast' | 'select'>, share: ShareActions): Promise<void> {
  const lang = () => store.get().lang;
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
  if (!token) return Promise.resolve();
  return (async () => {
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
  })();
}
