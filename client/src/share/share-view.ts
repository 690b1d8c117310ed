/*
 * The share link as the user sees it, in one place for the toolbar (every mode) and the present studio:
 * make the link, put it in the address bar and a read-only field, copy it, or — when the view is too large
 * for a URL — say so with the size and offer the view as a scene file. Also the sentence for each way a
 * shared link can fail to open, in the UI's language.
 */
import { download, stamp } from '../export/export-canvas.ts';
import type { Lang, MessageKey } from '../i18n/index.ts';
import { tf } from '../i18n/format.ts';
import { h, replace } from '../panels/dom.ts';
import type { Actions } from '../state/actions.ts';
import type { Store } from '../state/store.ts';
import type { SceneActions } from '../scenes/scene-actions.ts';
import { ShareFetchError, type ShareActions } from './share-actions.ts';
import { MAX_URL_FRAGMENT_BYTES, ViewLinkError } from './view-codec.ts';

export interface ShareDeps {
  store: Store;
  actions: Actions;
  share: ShareActions;
  scenes: SceneActions;
}

/** `prefix` keeps element ids unique when two places show a link (ids: <prefix>share-url, …-too-large, …-download). */
export async function shareInto(out: HTMLElement, d: ShareDeps, prefix = ''): Promise<void> {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => tf(d.store.get().lang, key, vars);
  // An earlier link describes an earlier view: never leave it on show while the new one is made.
  replace(out);
  const r = await d.share.makeLink();
  if (r.ok) {
    history.replaceState(null, '', r.url);
    const field = h('input', { class: 'st-input st-url share-url', id: `${prefix}share-url`, readonly: true, value: r.url, onfocus: (e: Event) => (e.target as HTMLInputElement).select() });
    replace(out, h('span', { class: 'muted' }, t('shReady')), field);
    out.hidden = false;
    try { await navigator.clipboard.writeText(r.url); d.actions.toast(t('shCopied')); } catch { /* clipboard refused: the field shows it */ }
    return;
  }
  const kb = (n: number) => (n / 1024).toFixed(1);
  replace(out, h('span', { class: 'error share-too-large', id: `${prefix}share-too-large` }, t('shTooLarge', { kb: kb(r.bytes), limit: kb(MAX_URL_FRAGMENT_BYTES) })),
    h('button', { class: 'btn share-download', id: `${prefix}share-download`, onclick: () => {
      // A one-scene file: importable here, and it carries the elements, so nothing needs fetching.
      const text = d.scenes.exportViewText(t('scDefaultName', { n: 1 }));
      download(new Blob([text], { type: 'application/json' }), `view-${stamp()}.json`);
    } }, t('shDownload')));
  out.hidden = false;
}

const REASON_KEYS: Record<ViewLinkError['reason'], MessageKey> = {
  encoding: 'shBadEncoding',
  characters: 'shBadChars',
  damaged: 'shDamaged',
  json: 'shNotJson',
  shape: 'shBadShape',
  analysis: 'shBadAnalysis',
};

/** Why a shared link did not open, as a sentence a person can act on. */
export function shareErrorText(lang: Lang, e: unknown): string {
  if (e instanceof ViewLinkError) return tf(lang, REASON_KEYS[e.reason], { detail: e.detail });
  if (e instanceof ShareFetchError) return tf(lang, 'shFetchFailed', { msg: e.detail });
  return tf(lang, 'shFailed', { msg: e instanceof Error ? e.message : String(e) });
}
