/*
 * The upload's modal dialog: what was read from each file before anything is written (the preview),
 * the files that were refused with their reasons, and the progress of reading and writing. Everything
 * taken from a document is set as text (h() appends strings as text nodes), never as markup, because
 * an uploaded file is whatever its author typed. Keyboard: Esc closes, Tab stays inside the dialog.
 */
import { roleName, translate, labelName, type Lang, type MessageKey } from '../i18n/index.ts';
import { h, replace } from '../panels/dom.ts';
import { countChanges, failureText, fill, inPrintedOrder, unresolvedUnits, warningLines, type Failure } from './upload-model.ts';
import type { DocumentCounts, DocumentPreview } from './upload-types.ts';

export type ItemState =
  | { kind: 'reading' }
  | { kind: 'preview'; preview: DocumentPreview; before: DocumentCounts | null; write: 'idle' | 'waiting' | 'writing' | 'done' | 'failed'; failure?: Failure }
  | { kind: 'failed'; failure: Failure };

export interface UploadItem { file: File; state: ItemState }

export type Phase = 'reading' | 'review' | 'writing' | 'done';

export interface DialogModel {
  items: UploadItem[];
  phase: Phase;
  /** The file being read or written, 1-based, and how many there are. */
  progress: { n: number; m: number; file: string } | null;
  /** The summary line once written. */
  summary: string | null;
}

export interface DialogHandlers {
  confirm(): void;
  close(): void;
  showInGraph(item: UploadItem): void;
}

/** Items whose preview says a write would change something (new or replacement). */
export const toWrite = (items: readonly UploadItem[]) =>
  items.filter((i): i is UploadItem & { state: Extract<ItemState, { kind: 'preview' }> } => i.state.kind === 'preview' && i.state.preview.status !== 'unchanged');

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
const TASKS_SHOWN = 40;

export interface UploadDialog {
  el: HTMLElement;
  render(model: DialogModel, lang: Lang): void;
  open(): void;
  closeDialog(): void;
}

export function createUploadDialog(handlers: DialogHandlers): UploadDialog {
  const titleEl = h('h2', { id: 'upload-title' });
  const intro = h('p', { class: 'up-intro' });
  const progress = h('div', { class: 'up-progress', id: 'upload-progress', role: 'status', 'aria-live': 'polite' });
  const body = h('div', { class: 'up-body', id: 'upload-body' });
  const cancel = h('button', { class: 'btn', id: 'upload-cancel', type: 'button', onclick: () => handlers.close() });
  const confirm = h('button', { class: 'btn primary', id: 'upload-confirm', type: 'button', onclick: () => handlers.confirm() });
  const dialog = h('div', { class: 'up-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'upload-title', id: 'upload-dialog', tabindex: '-1' },
    h('div', { class: 'up-head' }, titleEl, intro), progress, body, h('div', { class: 'up-foot' }, cancel, confirm));
  const el = h('div', { class: 'up-overlay', id: 'upload-overlay', hidden: true }, dialog);
  let phase: Phase = 'reading';
  let returnFocus: HTMLElement | null = null;

  // Listened for on the document while open: when the focused button goes (Confirm hides once written) the
  // focus falls to the body, and Esc must still close the dialog.
  document.addEventListener('keydown', (e) => {
    if (el.hidden) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      // While files are being written the answer is on its way; closing then would hide its outcome.
      if (phase !== 'writing') handlers.close();
    } else if (e.key === 'Tab') {
      const all = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((x) => x.offsetParent !== null);
      if (all.length === 0) return;
      const first = all[0]!;
      const last = all[all.length - 1]!;
      if (e.shiftKey && (document.activeElement === first || document.activeElement === dialog)) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
    }
  }, true);
  // Focus that leaves the dialog by other means (a click on the backdrop) comes back to it.
  document.addEventListener('focusin', (e) => {
    if (!el.hidden && !dialog.contains(e.target as Node)) dialog.focus();
  });

  function render(m: DialogModel, lang: Lang): void {
    phase = m.phase;
    const t = (k: MessageKey, v: Record<string, string | number> = {}) => fill(lang, k, v);
    titleEl.textContent = t('upDialogTitle');
    intro.textContent = t('upIntro');
    progress.textContent = m.progress
      ? t(m.phase === 'writing' ? 'upWriting' : 'upReading', { n: m.progress.n, m: m.progress.m, file: m.progress.file })
      : m.summary ?? '';
    progress.classList.toggle('up-summary', !m.progress && !!m.summary);
    const previews = m.items.filter((i) => i.state.kind === 'preview');
    const failed = m.items.filter((i) => i.state.kind === 'failed');
    replace(body,
      previews.map((i) => previewCard(i, lang, m.phase, handlers, previews.length === 1)),
      failed.length ? h('section', { class: 'up-failed', id: 'upload-failed' },
        h('h3', {}, t('upFailedHeading', { n: failed.length })),
        h('ul', {}, failed.map((i) => h('li', { 'data-file': i.file.name },
          h('strong', {}, i.file.name), ' — ', h('span', { class: 'up-reason' }, i.state.kind === 'failed' ? failureText(lang, i.state.failure) : ''))))) : null,
    );
    const writable = toWrite(m.items).length;
    cancel.textContent = t(m.phase === 'done' ? 'upClose' : 'upCancel');
    cancel.disabled = m.phase === 'writing';
    confirm.hidden = m.phase === 'done';
    confirm.disabled = m.phase !== 'review' || writable === 0;
    confirm.textContent = m.phase === 'review' && writable === 0 ? t('upNothingToAdd') : t('upConfirm', { n: writable });
    if (!el.hidden && !dialog.contains(document.activeElement)) dialog.focus();
  }

  return {
    el,
    render,
    open() {
      returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      el.hidden = false;
      dialog.focus();
    },
    closeDialog() {
      el.hidden = true;
      returnFocus?.focus();
    },
  };
}

function previewCard(item: UploadItem, lang: Lang, phase: Phase, handlers: DialogHandlers, open: boolean): HTMLElement {
  const st = item.state as Extract<ItemState, { kind: 'preview' }>;
  const p = st.preview;
  const t = (k: MessageKey, v: Record<string, string | number> = {}) => fill(lang, k, v);
  const orNot = (v: string | null) => v ?? t('upNotRead');
  const kindKey = `upKind.${p.document.kind}` as MessageKey;
  const kind = ['plan', 'news', 'notice'].includes(p.document.kind) ? translate(lang, kindKey) : p.document.kind;

  const status = p.status === 'new' ? t('upStatusNew')
    : p.status === 'unchanged' ? t('upStatusUnchanged')
    : t('upStatusReplacement', { file: p.replaces?.file ?? p.file });
  const changes = p.status === 'replacement' ? countChanges(st.before, p.counts) : [];
  const changeLine = p.status !== 'replacement' ? null
    : h('div', { class: 'up-changes' }, changes.length
      ? [t('upChanges'), ' ', changes.map((c) => `${translate(lang, `upCount.${c.key}` as MessageKey)} ${c.from} → ${c.to}`).join(lang === 'zh' ? ',' : ', ')]
      : t('upNoCountChange'));

  const counts = (['tasks', 'responsibilities', 'entities', 'targets', 'warnings'] as const)
    .map((k) => `${translate(lang, `upCount.${k}` as MessageKey)} ${p.counts[k]}`).join(' · ');

  const writeBadge = st.write === 'idle' ? null : h('span', { class: `up-write up-write-${st.write}` }, t(
    st.write === 'waiting' ? 'upFileWaiting' : st.write === 'writing' ? 'upFileWriting' : st.write === 'failed' ? 'upFileFailed'
      : p.written === 'replaced' ? 'upFileReplaced' : p.written === 'unchanged' ? 'upFileUnchanged' : 'upFileLoaded'));

  const unresolved = new Set(unresolvedUnits(p));
  const tasks = p.tasks.slice(0, TASKS_SHOWN).map((task) => h('li', { class: 'up-task' },
    h('span', { class: 'up-task-title' }, task.path ? `${task.path} ` : '', task.title),
    h('span', { class: 'up-units' }, task.units.length === 0 ? h('span', { class: 'muted' }, t('upNoUnits'))
      : inPrintedOrder(task.units).map((u) => h('span', { class: `up-unit${u.resolved ? '' : ' unresolved'}`, title: u.resolved ? null : t('upUnresolved') },
        u.name, u.role ? h('em', {}, roleName(lang, u.role)) : null)))));
  const more = p.tasks.length > TASKS_SHOWN ? h('li', { class: 'muted' }, t('upMore', { n: p.tasks.length - TASKS_SHOWN })) : null;

  const warnings = warningLines(p.warnings).map((w) => {
    if (w.units) {
      const text = w.units.length === 1 ? t('upWarn.unresolved-unit', { unit: w.units[0]! })
        : t('hjUnresolvedUnits', { n: w.units.length, units: w.units.join(lang === 'zh' ? '、' : ', ') });
      return h('li', { class: 'up-warn-units' }, text);
    }
    const known = ['no-structure', 'no-lists', 'empty', 'extractor'].includes(w.code);
    const text = known ? t(`upWarn.${w.code}` as MessageKey) : w.code;
    return h('li', {}, lang === 'en' && w.code === 'extractor' ? `${text}: ${w.message}` : text);
  });

  return h('article', { class: 'up-doc', 'data-file': p.file, 'data-status': p.status },
    h('header', { class: 'up-doc-head' },
      h('h3', { class: 'up-doc-title' }, p.document.title),
      h('span', { class: `up-status up-status-${p.status}` }, status),
      writeBadge),
    changeLine,
    h('dl', { class: 'up-meta' },
      h('dt', {}, t('upFieldFile')), h('dd', {}, p.file),
      h('dt', {}, t('upFieldIssuer')), h('dd', {}, orNot(p.document.issuer)),
      h('dt', {}, t('upFieldJurisdiction')), h('dd', {}, orNot(p.document.jurisdiction)),
      h('dt', {}, t('upFieldIssued')), h('dd', {}, orNot(p.document.issued)),
      h('dt', {}, t('upFieldKind')), h('dd', {}, kind)),
    h('div', { class: 'up-counts muted' }, counts),
    // Counted as the counts line and the library count them (one per unknown unit), though those share a line.
    warnings.length ? h('div', { class: 'up-warnings' }, h('strong', {}, t('upWarnings', { n: p.warnings.length })), h('ul', {}, warnings)) : null,
    // A news report or a covering notice has no numbered tasks: say what adding it does, not an empty list.
    p.tasks.length === 0 ? h('p', { class: 'up-no-tasks muted' }, t('hjNoTasks'))
      : h('details', { class: 'up-section up-tasks', open: open || null },
        h('summary', {}, t('upTasks', { n: p.tasks.length })), h('ul', { class: 'up-task-list' }, tasks, more)),
    p.entities.length ? h('details', { class: 'up-section' },
      h('summary', {}, t('upEntities', { n: p.entities.length })),
      h('div', { class: 'up-chips' }, p.entities.map((e) => h('span', { class: 'up-chip' }, h('em', {}, labelName(lang, e.label)), e.name)))) : null,
    p.targets.length ? h('details', { class: 'up-section' },
      h('summary', {}, t('upTargets', { n: p.targets.length })),
      h('ul', {}, p.targets.map((g) => h('li', {}, g.name, ' ', h('strong', {}, String(g.value ?? ''), g.unit ? String(g.unit) : ''), g.year ? ` (${String(g.year)})` : '')))) : null,
    phase === 'done' && (p.written === 'loaded' || p.written === 'replaced' || p.written === 'unchanged') && p.document.kind === 'plan'
      ? h('button', { class: 'btn up-show', type: 'button', onclick: () => handlers.showInGraph(item) }, t('upShowInGraph')) : null,
  );
}
