/*
 * Adding documents from the browser: the "Add documents" button in the top bar and a drop overlay over
 * the whole window, shown only to a client the server says may write (GET /api/documents/capabilities).
 * Each file is previewed on its own (POST ?dryRun=true), so one unreadable file is listed with its reason
 * and does not block the others; nothing is written until the user confirms. Confirmed files are written
 * one request each, so the dialog can say n of m and each file's outcome; then the library's version
 * counter is bumped so every view of the documents re-reads them.
 */
import './upload.css';
import type { Api } from '../api/client.ts';
import { translate } from '../i18n/index.ts';
import { h } from '../panels/dom.ts';
import { showCurated } from '../panels/overview.ts';
import type { Actions } from '../state/actions.ts';
import type { Store } from '../state/store.ts';
import { createUploadDialog, toWrite, type DialogModel, type UploadItem } from './upload-dialog.ts';
import { failureOf, fill, tooLarge, uploadSummary } from './upload-model.ts';
import type { DocumentCounts, WriteCapabilities } from './upload-types.ts';

export function mountUpload(before: Element | null, topbar: HTMLElement, store: Store, actions: Actions, api: Api): void {
  const input = h('input', { type: 'file', id: 'upload-input', multiple: true, hidden: true });
  const button = h('button', { class: 'btn', id: 'upload-open', type: 'button', hidden: true, onclick: () => input.click() });
  topbar.insertBefore(h('div', { class: 'tb-upload' }, button, input), before);
  const drop = h('div', { class: 'up-drop', id: 'upload-drop', hidden: true, 'aria-hidden': 'true' },
    h('div', { class: 'up-drop-box' }, h('strong', {}), h('span', {})));
  let caps: WriteCapabilities | null = null;
  let model: DialogModel = { items: [], phase: 'reading', progress: null, summary: null };
  let run = 0;

  const dialog = createUploadDialog({
    confirm: () => void writeAll(),
    close: () => { run++; dialog.closeDialog(); },
    showInGraph: (item) => void showInGraph(item),
  });
  document.body.append(drop, dialog.el);

  const redraw = () => dialog.render(model, store.get().lang);
  const set = (patch: Partial<DialogModel>) => { model = { ...model, ...patch }; redraw(); };
  const drawStatic = () => {
    const lang = store.get().lang;
    button.textContent = translate(lang, 'upAdd');
    button.title = translate(lang, 'upAddTitle');
    drop.querySelector('strong')!.textContent = translate(lang, 'upDrop');
    drop.querySelector('span')!.textContent = translate(lang, 'upDropHint');
    if (!dialog.el.hidden) redraw();
  };
  drawStatic();
  store.subscribe((s, p) => { if (s.lang !== p.lang) drawStatic(); });

  api.capabilities().then((c) => {
    caps = c;
    button.hidden = !c.write.allowed;
    input.accept = c.extensions.join(',');
  }, () => { caps = null; });

  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length) void previewAll(files);
  });

  // Drop anywhere on the window. The browser's default for a dropped file is to open it in place of the
  // explorer (losing the canvas), so that is prevented even when this client may not write.
  let depth = 0;
  const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  window.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth++;
    drop.hidden = !caps?.write.allowed || !dialog.el.hidden;
  });
  window.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = caps?.write.allowed && dialog.el.hidden ? 'copy' : 'none';
  });
  window.addEventListener('dragleave', (e) => {
    if (!hasFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) drop.hidden = true;
  });
  window.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    drop.hidden = true;
    const files = [...(e.dataTransfer?.files ?? [])];
    if (caps?.write.allowed && dialog.el.hidden && files.length) void previewAll(files);
  });

  /** The loaded document's counts, to say what a replacement changes; null when unknown. */
  async function countsOf(docId: string): Promise<DocumentCounts | null> {
    try {
      const page = await api.documentLibrary({ q: docId, limit: 50 });
      return page.documents.find((d) => d.docId === docId)?.counts ?? null;
    } catch {
      return null;
    }
  }

  async function previewAll(files: File[]): Promise<void> {
    const mine = ++run;
    const items: UploadItem[] = files.map((file) => ({ file, state: { kind: 'reading' } }));
    model = { items, phase: 'reading', progress: null, summary: null };
    redraw();
    dialog.open();
    for (const [i, item] of items.entries()) {
      if (mine !== run) return;
      set({ progress: { n: i + 1, m: items.length, file: item.file.name } });
      const big = caps ? tooLarge(item.file.size, caps.limits.maxFileBytes) : null;
      if (big) { item.state = { kind: 'failed', failure: big }; continue; }
      try {
        const r = await api.uploadDocuments([item.file], true);
        const preview = r.documents[0]!;
        const before = preview.status === 'replacement' ? await countsOf(preview.docId) : null;
        item.state = { kind: 'preview', preview, before, write: 'idle' };
      } catch (e) {
        item.state = { kind: 'failed', failure: failureOf(e) };
      }
    }
    if (mine === run) set({ phase: 'review', progress: null });
  }

  async function writeAll(): Promise<void> {
    const mine = run;
    const writing = toWrite(model.items);
    for (const item of model.items) {
      if (item.state.kind !== 'preview') continue;
      if (item.state.preview.status === 'unchanged') item.state = { ...item.state, write: 'done', preview: { ...item.state.preview, written: 'unchanged' } };
      else item.state = { ...item.state, write: 'waiting' };
    }
    set({ phase: 'writing' });
    let failed = 0;
    for (const [i, item] of writing.entries()) {
      set({ progress: { n: i + 1, m: writing.length, file: item.file.name } });
      item.state = { ...item.state, write: 'writing' };
      redraw();
      try {
        const r = await api.uploadDocuments([item.file], false);
        item.state = { ...item.state, write: 'done', preview: r.documents[0]! };
      } catch (e) {
        failed++;
        item.state = { ...item.state, write: 'failed', failure: failureOf(e) };
      }
    }
    const written = model.items.flatMap((i) => (i.state.kind === 'preview' && i.state.write === 'done' ? [i.state.preview] : []));
    const sum = uploadSummary(written, failed + model.items.filter((i) => i.state.kind === 'failed').length);
    const lang = store.get().lang;
    const summary = fill(lang, 'upDone', sum) + (sum.failed ? (lang === 'zh' ? ',' : '; ') + fill(lang, 'upDoneFailed', sum) : '');
    if (sum.loaded + sum.replaced > 0) store.dispatch('documentsChanged', (s) => ({ documentsVersion: s.documentsVersion + 1 }));
    actions.toast(summary, failed ? 'error' : 'info');
    if (mine === run) set({ phase: 'done', progress: null, summary });
  }

  /** The plan a loaded document describes, drawn with its tasks and agencies (curated query plan-outline). */
  async function showInGraph(item: UploadItem): Promise<void> {
    if (item.state.kind !== 'preview') return;
    const docId = item.state.preview.docId;
    try {
      const page = await api.documentLibrary({ q: docId, limit: 50 });
      const plan = page.documents.find((d) => d.docId === docId)?.plan;
      if (!plan) return;
      run++;
      dialog.closeDialog();
      await showCurated(store, actions, 'plan-outline', { plan });
    } catch (e) {
      actions.toast(e instanceof Error ? e.message : String(e), 'error');
    }
  }
}
