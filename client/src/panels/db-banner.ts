/*
 * The banner that says the database is down, in the UI's language, from the moment a call is answered 503
 * (or /api/health says so) until health answers again: while down, health is asked with back-off (0.5 s
 * doubling to 5 s), so the banner goes by itself without a reload; while up, health is asked now and then
 * so an outage is seen even when nobody clicks. The pure part (what to say, when to ask) is unit-tested.
 */
import { ApiError, onUnavailable, type Api } from '../api/client.ts';
import type { Lang } from '../i18n/index.ts';
import { tf } from '../i18n/format.ts';
import type { Store } from '../state/store.ts';
import { h, replace } from './dom.ts';
import './db-banner.css';

export type DbDown = { kind: 'restarting' | 'failed' | 'disk-full' };

/** How the database is down, from a refusal's details ({state}) or health's ({embedded: {state}}); null if it is not. */
export function downFrom(e: unknown): DbDown | null {
  if (!(e instanceof ApiError)) return null;
  if (e.code === 'DISK_FULL') return { kind: 'disk-full' };
  if (e.status !== 503) return null;
  const d = (e.details ?? {}) as { state?: unknown; embedded?: { state?: unknown } };
  const state = d.embedded?.state ?? d.state;
  return { kind: state === 'failed' ? 'failed' : 'restarting' };
}

export function downText(lang: Lang, down: DbDown): string {
  return tf(lang, down.kind === 'failed' ? 'dbDownFailed' : down.kind === 'disk-full' ? 'dbDiskFull' : 'dbDown');
}

export const POLL_UP_MS = 15_000;
/** Delay before the n-th health check since the database went down (n from 1): 0.5 s, 1 s, 2 s, 4 s, then 5 s. */
export function pollDelayMs(attempt: number): number {
  return Math.min(5_000, 500 * 2 ** Math.max(0, attempt - 1));
}

export function mountDbBanner(el: HTMLElement, store: Store, api: Pick<Api, 'health'>): void {
  let down: DbDown | null = null;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const draw = () => {
    el.hidden = !down;
    el.dataset.state = down?.kind ?? 'up';
    if (!down) return replace(el);
    const lang = store.get().lang;
    replace(el, h('span', { class: 'db-banner-text', id: 'db-banner-text' }, downText(lang, down)),
      h('button', { class: 'btn small', onclick: () => void check() }, tf(lang, 'dbRetry')));
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void check(), down ? pollDelayMs(++attempt) : POLL_UP_MS);
  };
  const markDown = (d: DbDown) => {
    const was = down;
    down = d;
    if (!was) attempt = 0;
    draw();
    if (!was) schedule();
  };
  async function check(): Promise<void> {
    try {
      await api.health();
      down = null;
      attempt = 0;
      draw();
    } catch (e) {
      const d = downFrom(e);
      // A health answer that is neither up nor down (the app itself unreachable) keeps what we knew.
      if (d) { down = d; draw(); }
    }
    schedule();
  }

  onUnavailable((e) => markDown(downFrom(e) ?? { kind: 'restarting' }));
  store.subscribe((s, p) => { if (s.lang !== p.lang) draw(); });
  draw();
  void check();
}
