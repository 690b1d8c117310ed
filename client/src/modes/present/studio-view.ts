/*
 * Present mode's panel above the canvas (the "studio"): save the canvas as a scene with a caption, edit and
 * order the scene list, import / export scene files, start the slide show, copy a share link and export
 * the current view as images or data.
 */
import type { Core } from 'cytoscape';
import { dataBlob, download, stamp, viewGraph, type DataFormat } from '../../export/export-canvas.ts';
import { mountExportTitle } from '../../export/export-title.ts';
import { viewPng, viewSvg } from '../../export/image-export.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { h, replace } from '../../panels/dom.ts';
import type { State, Store } from '../../state/store.ts';
import type { Actions } from '../../state/actions.ts';
import { shareInto } from '../../share/share-view.ts';
import type { Console } from '../../console/console.ts';
import { tf } from '../../i18n/format.ts';
import './present.css';

export function mountStudio(host: HTMLElement, store: Store, actions: Actions, cy: Core, c: Console): () => void {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => tf(store.get().lang, key, vars);
  const name = h('input', { type: 'text', class: 'st-input', id: 'scene-name' });
  const caption = h('input', { type: 'text', class: 'st-input st-caption', id: 'scene-caption' });
  caption.addEventListener('input', () => c.scenes.setViewCaption(caption.value));
  const saveBtn = h('button', { class: 'btn primary', id: 'scene-save', onclick: () => {
    const n = name.value.trim() || t('scDefaultName', { n: store.get().scenes.list.length + 1 });
    c.scenes.saveScene(n, caption.value);
    name.value = '';
  } });
  const startBtn = h('button', { class: 'btn primary', id: 'present-start', onclick: () => void c.present.startPresenting(0) });
  const list = h('ol', { class: 'st-list', id: 'scene-list' });
  const fileInput = h('input', { type: 'file', accept: 'application/json,.json', id: 'scene-import-file', hidden: true });
  fileInput.addEventListener('change', async () => {
    const f = fileInput.files?.[0];
    fileInput.value = '';
    if (!f) return;
    const r = c.scenes.importScenes(await f.text());
    if (r.ok) actions.toast(t('scImported', { n: r.count }));
    else actions.toast(t('scImportFailed', { msg: r.message }), 'error');
  });
  const exportScenes = h('button', { class: 'btn', id: 'scene-export', onclick: () =>
    download(new Blob([c.scenes.exportScenesText()], { type: 'application/json' }), `scenes-${stamp()}.json`) });
  const importScenes = h('button', { class: 'btn', id: 'scene-import', onclick: () => fileInput.click() });

  const shareOut = h('div', { class: 'st-share-out', id: 'share-out' });
  const shareBtn = h('button', { class: 'btn', id: 'share-link', onclick: () => void shareInto(shareOut, { store, actions, share: c.share, scenes: c.scenes }) });
  const presentViewBtn = h('button', { class: 'btn', id: 'studio-present-view', onclick: () => void c.present.presentView() });

  const exportBtn = (key: MessageKey, id: string, fn: () => Promise<void> | void) =>
    h('button', { class: 'btn', id, 'data-i18n-key': key, onclick: async () => {
      if (cy.nodes().empty()) return actions.toast(t('exEmpty'), 'error');
      await fn();
    } });
  // The legend of the labels drawn, in the UI's language, when the option is ticked (the default).
  const legendBox = h('input', { type: 'checkbox', id: 'export-legend', checked: true });
  const legendLabel = h('label', { class: 'st-legend-option' }, legendBox, h('span', {}));
  // An optional title above the graph (the view's caption or scene name, editable); images are framed on the graph.
  const title = mountExportTitle(store);
  const image = () => ({ legend: legendBox.checked, title: title.value() });
  const png = (scale: number) => async () => download(await viewPng(cy, store.get(), { ...image(), scale }), `graph-${stamp()}@${scale}x.png`);
  const data = (f: DataFormat) => () => download(dataBlob(viewGraph(cy, store.get()), f), `graph-${stamp()}.${f === 'graphml' ? 'graphml' : f}`);
  const exports = [
    exportBtn('exPng2', 'export-png2', png(2)),
    exportBtn('exPng4', 'export-png4', png(4)),
    exportBtn('exSvg', 'export-svg', () => download(new Blob([viewSvg(cy, store.get(), image())], { type: 'image/svg+xml' }), `graph-${stamp()}.svg`)),
    exportBtn('exJson', 'export-json', data('json')),
    exportBtn('exGraphml', 'export-graphml', data('graphml')),
    exportBtn('exCsv', 'export-csv', data('csv')),
  ];

  const titles = { scenes: h('h4', {}), share: h('h4', {}), export: h('h4', {}) };
  const root = h('div', { class: 'st', id: 'studio' },
    h('section', { class: 'st-col st-scenes' }, titles.scenes,
      h('div', { class: 'st-row' }, name, caption, saveBtn),
      list,
      h('div', { class: 'st-row st-wrap' }, startBtn, presentViewBtn, exportScenes, importScenes, fileInput)),
    h('section', { class: 'st-col' },
      titles.share, h('div', { class: 'st-row' }, shareBtn), shareOut,
      titles.export, h('div', { class: 'st-row st-wrap' }, exports, legendLabel, title.el)));
  host.append(root);

  const drawStatic = () => {
    titles.scenes.textContent = t('scTitle');
    titles.share.textContent = t('shTitle');
    titles.export.textContent = t('exTitle');
    name.placeholder = t('scName');
    caption.placeholder = t('scCaption');
    saveBtn.textContent = t('scSave');
    startBtn.textContent = t('prStart');
    presentViewBtn.textContent = t('presentView');
    presentViewBtn.title = t('presentViewTitle');
    exportScenes.textContent = t('scExport');
    importScenes.textContent = t('scImport');
    shareBtn.textContent = t('shLink');
    for (const b of exports) b.textContent = t(b.dataset.i18nKey as MessageKey);
    legendLabel.lastElementChild!.textContent = t('exLegend');
  };
  const drawList = (s: State) => {
    startBtn.disabled = !s.scenes.list.length;
    startBtn.title = s.scenes.list.length ? '' : t('prNoScenes');
    if (caption !== document.activeElement) caption.value = s.scenes.caption;
    if (!s.scenes.list.length) return replace(list, h('li', { class: 'muted st-empty' }, t('scEmpty')));
    replace(list, s.scenes.list.map((sc, i) => h('li', { class: `st-item${s.scenes.current === sc.id ? ' current' : ''}`, 'data-scene': sc.id },
      h('button', { class: 'link st-name', title: t('scShow'), onclick: () => void c.scenes.showScene(sc.id) }, `${i + 1}. ${sc.name}`),
      h('span', { class: 'muted small' }, t('scNodes', { n: sc.nodes.length })),
      sc.caption ? h('span', { class: 'small st-cap' }, sc.caption) : null,
      h('span', { class: 'st-actions' },
        h('button', { class: 'btn small', 'data-act': 'rename', title: t('scRename'), onclick: () => {
          const v = prompt(t('scRename'), sc.name);
          if (v !== null) c.scenes.renameScene(sc.id, v);
        } }, '✎'),
        h('button', { class: 'btn small', 'data-act': 'up', title: t('scUp'), disabled: i === 0, onclick: () => c.scenes.nudgeScene(sc.id, -1) }, '↑'),
        h('button', { class: 'btn small', 'data-act': 'down', title: t('scDown'), disabled: i === s.scenes.list.length - 1, onclick: () => c.scenes.nudgeScene(sc.id, 1) }, '↓'),
        h('button', { class: 'btn small', 'data-act': 'present', title: t('prStart'), onclick: () => void c.present.startPresenting(i) }, '▶'),
        h('button', { class: 'btn small', 'data-act': 'delete', title: t('scDelete'), onclick: () => c.scenes.deleteScene(sc.id) }, '✕')))));
  };
  drawStatic();
  drawList(store.get());
  const off = store.subscribe((s, p) => {
    if (s.lang !== p.lang) drawStatic();
    if (s.scenes !== p.scenes || s.lang !== p.lang) drawList(s);
  });
  return () => { off(); title.dispose(); root.remove(); };
}
