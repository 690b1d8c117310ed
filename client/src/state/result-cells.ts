/*
 * A curated query's result cell as the Explore results drawer shows it, in the UI's language: roles,
 * relationship types, labels and enumerated values the graph stores in English become words of the
 * current language; ids become names. Pure, so the rules are unit-tested. The Query console's own table
 * does not use this: there the columns and values are the user's Cypher and stay as written.
 */
import { HIDDEN_NODE_KEYS, HIDDEN_RELATIONSHIP_KEYS } from '../../../server/graph/queries/graph-elements.ts';
import { labelName, relName, roleName, translate, valueName, type Lang } from '../i18n/index.ts';

/**
 * Bookkeeping never shown in a table, the details or an export: the keys the server leaves out of graph
 * elements (search keys, support and evidence lists), imported so the list is kept in one place, plus the
 * load's own (content hash, load time, merge key) that the API does return on documents.
 */
export const BOOKKEEPING_KEYS: ReadonlySet<string> = new Set<string>([...HIDDEN_NODE_KEYS, ...HIDDEN_RELATIONSHIP_KEYS, 'sha256', 'loadedAt', 'key', '_lock']);

/** A value with bookkeeping keys taken out of every map and element's properties in it (the console's raw rows carry them). */
export function withoutBookkeeping(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(withoutBookkeeping);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (!BOOKKEEPING_KEYS.has(k)) out[k] = withoutBookkeeping(x);
  return out;
}

/** Columns whose values are relationship roles, relationship types, or a label / kind of value. */
const ROLE_COLUMNS = new Set(['role', 'roles']);
const TYPE_COLUMNS = new Set(['chain', 'type', 'types']);
const KIND_COLUMNS = new Set(['kind', 'label', 'labels']);

export function localCell(lang: Lang, column: string, v: unknown, nameOf: (id: string) => string | undefined = () => undefined): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => localCell(lang, column, x, nameOf)).join(lang === 'zh' ? '、' : ', ');
  if (typeof v === 'boolean') return translate(lang, v ? 'yes' : 'no');
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') {
    if (ROLE_COLUMNS.has(column)) return roleName(lang, v);
    if (TYPE_COLUMNS.has(column)) return relName(lang, v);
    if (KIND_COLUMNS.has(column)) return labelName(lang, v) === v ? valueName(lang, v) : labelName(lang, v);
    if (column === 'via' && v === 'direct') return translate(lang, 'direct');
    if (column === 'direction') return valueName(lang, v);
    return nameOf(v) ?? v;
  }
  if (typeof v !== 'object') return String(v);
  const o = v as { name?: unknown; kind?: unknown; type?: unknown; properties?: Record<string, unknown> };
  if (o.kind === 'node') return String(o.properties?.name ?? o.properties?.id ?? '');
  if (o.kind === 'relationship') {
    const role = o.properties?.role;
    return relName(lang, String(o.type ?? '')) + (typeof role === 'string' ? `(${roleName(lang, role)})` : '');
  }
  if (typeof o.name === 'string') return o.name;
  return JSON.stringify(withoutBookkeeping(v));
}
