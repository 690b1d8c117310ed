/*
 * The full-screen slide show, derived from the present slice: page chrome hidden, large labels, the scene's
 * caption at the bottom, the evidence of a picked relationship on demand, and the keys a presenter expects
 * (arrows, space, page up/down, Home/End, E, Esc). Keys are taken in the capture phase so the explorer's
 * shortcuts (delete, undo) cannot fire under a presentation.
 */
import type { Core } from 'cytoscape';
import type cytoscape from 'cytoscape';
import { stylesheet } from '../../canvas/style.ts';
import { h, replace } from '../../panels/dom.ts';
import type { Insets } from '../../scenes/scene-canvas.ts';
import type { State, Store } from '../../state/store.ts';
import type { Console } from '../../console/console.ts';
import { tf } from '../../i18n/format.ts';
import { slides } from './present-state.ts';

/** Bigger captions and thicker edges, readable from the back of a meeting room. */
function presentStyle(): cytoscape.StylesheetJson {
  return [
    ...stylesheet(),
    { selector: 'node', style: { 'font-size': 22, 'text-max-width': '200px', 'min-zoomed-font-size': 0 } },
    { selector: 'edge', style: { 'font-size': 16, width: 3 } },
    { selector: 'edge:selected', style: { width: 7, 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b' } },
  ] as cytoscape.StylesheetJson;
}

/**
 * The bands of the canvas the slide show's overlays cover: the caption (and the exit button) at the bottom,
 * the help, counter and — while shown — the evidence box at the top. Slides are fitted between them, so
 * no caption ever covers a node.
 */
export function slideInsets(canvas: HTMLElement | null): Insets {
  const area = (canvas ?? document.body).getBoundingClientRect();
  let top = 0;
  let bottom = 0;
  for (const el of document.querySelectorAll<HTMLElement>('#present-overlay > *')) {
    if (el.hidden || !el.textContent?.trim()) continue;
    const r = el.getBoundingClientRect();
    if (r.height === 0) continue;
    // Above the middle it covers the top band; below it, the bottom band.
    if (r.top + r.height / 2 < area.top + area.height / 2) top = Math.max(top, r.bottom - area.top + 8);
    else bottom = Math.max(bottom, area.bottom - r.top + 8);
  }
  return { top: Math.max(0, top), bottom: Math.max(0, bottom) };
}

export function mountSlideshow(store: Store, cy: Core, c: Console): () => void {
  const t = (key: Parameters<typeof tf>[1], vars?: Record<string, string | number>) => tf(store.get().lang, key, vars);
  const caption = h('div', { class: 'pr-caption', id: 'present-caption' });
  const counter = h('div', { class: 'pr-counter', id: 'present-counter' });
  const help = h('div', { class: 'pr-help' });
  const evidence = h('div', { class: 'pr-evidence', id: 'present-evidence', hidden: true });
  const exit = h('button', { class: 'btn pr-exit', id: 'present-exit', onclick: () => c.present.stopPresenting() });
  const overlay = h('div', { class: 'pr-overlay', id: 'present-overlay', hidden: true }, help, counter, evidence, caption, exit);
  document.body.append(overlay);

  const onKey = (e: KeyboardEvent) => {
    if (!store.get().present.active) return;
    const k = e.key;
    const handled = ['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Spacebar', 'ArrowLeft', 'ArrowUp', 'PageUp', 'Home', 'End', 'Escape', 'e', 'E', 'Delete', 'Backspace'];
    if (!handled.includes(k)) return;
    e.preventDefault();
    e.stopPropagation();
    if (k === 'ArrowRight' || k === 'ArrowDown' || k === 'PageDown' || k === ' ' || k === 'Spacebar') void c.present.nextSlide();
    else if (k === 'ArrowLeft' || k === 'ArrowUp' || k === 'PageUp') void c.present.prevSlide();
    else if (k === 'Home') void c.present.goToSlide(0);
    else if (k === 'End') void c.present.goToSlide(slides(store.get()).length - 1);
    else if (k === 'Escape') c.present.stopPresenting();
    else if (k === 'e' || k === 'E') c.present.toggleEvidence();
  };
  window.addEventListener('keydown', onKey, true);
  const onEdgeTap = (ev: cytoscape.EventObject) => {
    if (!store.get().present.active) return;
    void c.present.pickEdge(ev.target.id() as string);
  };
  cy.on('tap', 'edge', onEdgeTap);
  const onFullscreen = () => {
    if (!store.get().present.active) return;
    if (!document.fullscreenElement) return c.present.stopPresenting();
    cy.resize();
    void c.present.goToSlide(store.get().present.index);
  };
  document.addEventListener('fullscreenchange', onFullscreen);

  const enter = () => {
    document.body.classList.add('presenting');
    cy.style().fromJson(presentStyle()).update();
    // Measure now: the first slide is fitted to the new canvas size right after this.
    cy.resize();
    document.documentElement.requestFullscreen?.().catch(() => { /* not allowed (headless, iframe): the page still fills the window */ });
  };
  const leave = () => {
    document.body.classList.remove('presenting');
    cy.style().fromJson(stylesheet() as cytoscape.StylesheetJson).update();
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    cy.resize();
  };

  const draw = (s: State, prev: State | null) => {
    const p = s.present;
    if (!prev || p.active !== prev.present.active) (p.active ? enter : leave)();
    overlay.hidden = !p.active;
    if (!p.active) return;
    const list = slides(s);
    const scene = list[p.index];
    caption.textContent = scene?.caption ?? '';
    counter.textContent = t('prSlide', { i: p.index + 1, n: list.length });
    counter.dataset.index = String(p.index);
    help.textContent = t('prHelp');
    exit.textContent = t('prExit');
    const ev = p.evidence;
    const evidenceToggled = !!prev && (p.showEvidence !== prev.present.showEvidence || (p.showEvidence && ev?.status !== prev.present.evidence?.status));
    evidence.hidden = !p.showEvidence;
    if (!ev) replace(evidence, t('prEvidencePick'));
    else if (ev.status === 'loading') replace(evidence, '…');
    else if (ev.status === 'none') replace(evidence, t('prEvidenceNone'));
    else replace(evidence, h('span', { id: 'present-evidence-text' }, `“${ev.text}”`), ev.source ? h('small', { id: 'present-evidence-source' }, `${t('prEvidence')} · ${ev.source}`) : null);
    // The evidence box takes the top band while it shows: the slide moves clear of it, and back after.
    if (evidenceToggled) void c.present.refit();
  };
  draw(store.get(), null);
  const off = store.subscribe((s, p) => {
    if (s.present !== p.present || s.scenes.list !== p.scenes.list || s.lang !== p.lang) draw(s, p);
  });
  return () => {
    off();
    if (store.get().present.active) c.present.stopPresenting();
    leave();
    window.removeEventListener('keydown', onKey, true);
    cy.off('tap', 'edge', onEdgeTap);
    document.removeEventListener('fullscreenchange', onFullscreen);
    overlay.remove();
  };
}
