/*
 * Removing a document, after a confirmation that names what will go: the document's title and what was
 * read from it (tasks, responsibility pairs, entities, targets), and that facts other documents also
 * state stay. Then DELETE /api/documents/:id, the documents counter goes up (every view of the library
 * refreshes), and nodes on the canvas that no longer exist are taken off it. A failure is said in the
 * UI's language inside the dialog, which stays open.
 */
import { errorText } from '../../api/error-text.ts';
import { translate, type Lang, type MessageKey } from '../../i18n/index.ts';
import { h, replace } from '../../panels/dom.ts';
import type { ModeContext } from '../mode.ts';
import { tf } from '../../i18n/format.ts';
import { libraryApi } from './library-api.ts';
import type { DocumentCounts, RemoveResult } from './library-types.ts';

export interface RemovableDocument { docId: string; title: string; counts: DocumentCounts | null }

/** After a removal: which of the canvas's nodes are gone from the graph. */
export async function goneFromGraph(ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const still = await libraryApi.existing(ids);
  return ids.filter((id) => !still.has(id));
}

/**
 * What a removal did, from the server's counters: the nodes and relationships that left the graph (facts that
 * only this document stated) and the nodes that left the canvas. A planner removing a county's report sees
 * that 24 nodes went and 3 of them were on screen, not only that the title is gone.
 */
export function removedText(lang: Lang, title: string, counters: Record<string, number>, offCanvas: number): string {
  const said = tf(lang, 'hjRemoveDone', { title, nodes: counters.nodesDeleted ?? 0, relationships: counters.relationshipsDeleted ?? 0 });
  return offCanvas ? `${said}${tf(lang, 'hjRemoveOffCanvas', { n: offCanvas })}` : said;
}

export function confirmRemoval(ctx: ModeContext, doc: RemovableDocument): void {
  const { store, actions } = ctx;
  const lang = store.get().lang;
  const t = (k: MessageKey) => translate(lang, k);
  document.querySelector('#lib-confirm')?.remove();
  const error = h('div', { class: 'form-error', id: 'lib-confirm-error', hidden: true, role: 'alert' });
  const cancel = h('button', { type: 'button', class: 'btn', id: 'lib-confirm-cancel' }, t('libCancel'));
  const ok = h('button', { type: 'button', class: 'btn danger', id: 'lib-confirm-ok' }, t('removeConfirm'));
  const title = doc.title || doc.docId;
  const dialog = h('div', { class: 'lib-confirm', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'lib-confirm-title' },
    h('h3', { id: 'lib-confirm-title' }, t('removeTitle')),
    h('p', {}, tf(lang, 'removeWhat', { title })),
    doc.counts ? h('p', { id: 'lib-confirm-counts' }, tf(lang, 'removeCounts', { ...doc.counts })) : null,
    h('p', { class: 'muted' }, t('removeKeep')),
    error,
    h('div', { class: 'lib-confirm-buttons' }, cancel, ok));
  const overlay = h('div', { class: 'lib-confirm-overlay', id: 'lib-confirm' }, dialog);
  const close = () => { overlay.remove(); document.removeEventListener('keydown', onKey, true); };
  const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape' && !ok.disabled) { e.stopPropagation(); close(); } };
  document.addEventListener('keydown', onKey, true);
  cancel.addEventListener('click', close);
  overlay.addEventListener('click', (e) => { if (e.target === overlay && !ok.disabled) close(); });
  ok.addEventListener('click', async () => {
    ok.disabled = cancel.disabled = true;
    replace(ok, t('removing'));
    error.hidden = true;
    let result: RemoveResult;
    try {
      result = await libraryApi.remove(doc.docId);
    } catch (e) {
      error.textContent = errorText(store.get().lang, e);
      error.hidden = false;
      ok.disabled = cancel.disabled = false;
      replace(ok, t('removeConfirm'));
      return;
    }
    close();
    store.dispatch('documentsChanged', (s) => ({ documentsVersion: s.documentsVersion + 1 }));
    let gone: string[] | null = null;
    try {
      gone = await goneFromGraph(Object.keys(store.get().graph.nodes));
      if (gone.length) actions.remove(gone);
    } catch {
      // The document is gone either way; the canvas keeps what it had until the user clears it.
    }
    // Said after the canvas is tidied, so the message can say what went from it too.
    actions.toast(removedText(store.get().lang, title, result.counters, gone?.length ?? 0));
  });
  document.body.append(overlay);
  cancel.focus();
}
