/*
 * The document library: every loaded document with what was read from it. (First cut: a plain list; the
 * library work replaces it with the sortable, filterable table and the reading view.)
 */
import type { ModeContext } from '../index.ts';
import { h } from '../../panels/dom.ts';

export function mountLibrary(host: HTMLElement, ctx: ModeContext): () => void {
  const list = h('div', { class: 'library', id: 'library' });
  host.append(list);
  let alive = true;
  const load = async () => {
    const res = await fetch('/api/documents?limit=200');
    if (!alive || !res.ok) return;
    const body = await res.json() as { items: { id: string; title: string }[] };
    list.replaceChildren(...body.items.map((d) => h('div', { class: 'library-row', 'data-id': d.id }, d.title)));
  };
  void load();
  const off = ctx.store.subscribe((s, p) => { if (s.documentsVersion !== p.documentsVersion) void load(); });
  return () => { alive = false; off(); list.remove(); };
}
