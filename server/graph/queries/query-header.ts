/*
 * Parses the header of a curated query file (cypher/queries/*.cypher):
 *   // name: tasks-of-agency
 *   // title.zh: 机构负责的任务
 *   // title.en: Tasks of an agency
 *   // description.zh: …         (continuation lines start with `//` and two or more spaces)
 *   // description.en: …
 *   // param agency: entity(Agency) — the agency's id
 *   // param agency.zh: 机构 — 输入机构名称   (what the form shows: label [— placeholder], in each language)
 *   // param agency.en: Agency — type an agency's name
 *   // param limit: integer(1..500) = 50 — page size   (an optional inclusive range)
 * Every text a user reads comes in both languages and both are required, so a Chinese UI never has to fall
 * back to an English description or a raw parameter name (issue 15, one language at a time).
 * Pure, so the format is unit-tested; the UI reads the parsed form from /api/queries, never the files.
 */

export type ParamType =
  | { kind: 'string' } | { kind: 'integer' } | { kind: 'number' } | { kind: 'boolean' } | { kind: 'entity'; label: string };

export interface QueryParamDef {
  name: string;
  /** As written: string | integer | number | boolean | entity(Label) */
  type: string;
  parsed: ParamType;
  /** Inclusive bounds of an integer declared as integer(min..max). */
  min?: number;
  max?: number;
  default?: string | number | boolean;
  /** For developers reading the file and the API docs. */
  description?: string;
  /** What the form shows as the field's name, in each language. */
  label: Bilingual;
  /** The empty field's hint, in each language. */
  placeholder?: Bilingual;
}

export interface Bilingual { zh: string; en: string }

export interface QueryHeader {
  name: string;
  title: Bilingual;
  description: Bilingual;
  params: QueryParamDef[];
}

export class QueryHeaderError extends Error {
  override name = 'QueryHeaderError';
}

const TYPE = String.raw`(string|integer(?:\(\s*\d+\s*\.\.\s*\d+\s*\))?|number|boolean|entity\(\s*([A-Z]\w*)\s*\))`;
const PARAM = new RegExp(String.raw`^param\s+([A-Za-z_]\w*)\s*:\s*${TYPE}\s*(?:=\s*(.+?))?\s*(?:[—–]|--)\s*(.*)$`);
const PARAM_NO_DESC = new RegExp(String.raw`^param\s+([A-Za-z_]\w*)\s*:\s*${TYPE}\s*(?:=\s*(.+?))?\s*$`);
const PARAM_TEXT = /^param\s+([A-Za-z_]\w*)\.(zh|en)$/;
const RANGE = /^integer\(\s*(\d+)\s*\.\.\s*(\d+)\s*\)$/;

function parseDefault(raw: string, type: ParamType, where: string): string | number | boolean {
  const v = raw.trim();
  switch (type.kind) {
    case 'integer':
      if (!/^-?\d+$/.test(v)) throw new QueryHeaderError(`${where}: default '${v}' is not an integer`);
      return Number(v);
    case 'number':
      if (!Number.isFinite(Number(v))) throw new QueryHeaderError(`${where}: default '${v}' is not a number`);
      return Number(v);
    case 'boolean':
      if (v !== 'true' && v !== 'false') throw new QueryHeaderError(`${where}: default '${v}' is not true or false`);
      return v === 'true';
    default:
      return v.replace(/^(['"])(.*)\1$/, '$2');
  }
}

/** Splits a curated query file into its parsed header and the query text (comment lines dropped). */
export function parseQueryFile(fileName: string, source: string): { header: QueryHeader; text: string } {
  const lines = source.split(/\r?\n/);
  const fields: { key: string; value: string }[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.startsWith('//')) break;
    const body = line.slice(2);
    const continuation = /^\s{2,}(\S.*)$/.exec(body);
    if (continuation && fields.length > 0) {
      fields[fields.length - 1]!.value += ` ${continuation[1]!.trim()}`;
      continue;
    }
    const m = /^\s*(param\s+[A-Za-z_]\w*(?:\.(?:zh|en))?|[A-Za-z][\w.-]*)\s*:\s?(.*)$/.exec(body);
    if (m) fields.push({ key: m[1]!.replace(/\s+/g, ' '), value: (m[2] ?? '').trim() });
  }
  const get = (k: string) => fields.find((f) => f.key === k)?.value;
  const name = get('name');
  if (!name || !/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new QueryHeaderError(`${fileName}: missing or invalid 'name' (lowercase words joined by -)`);
  const zh = get('title.zh');
  const en = get('title.en');
  if (!zh || !en) throw new QueryHeaderError(`${fileName}: both 'title.zh' and 'title.en' are required`);
  if (get('description') !== undefined) throw new QueryHeaderError(`${fileName}: write the description as 'description.zh' and 'description.en'`);
  const descZh = get('description.zh');
  const descEn = get('description.en');
  if (!descZh || !descEn) throw new QueryHeaderError(`${fileName}: both 'description.zh' and 'description.en' are required`);
  const texts = new Map<string, Partial<Record<'zh' | 'en', { label: string; placeholder?: string }>>>();
  for (const f of fields) {
    const t = PARAM_TEXT.exec(f.key);
    if (!t) continue;
    const [label, ...rest] = f.value.split(/\s+(?:[—–]|--)\s+/);
    if (!label?.trim()) throw new QueryHeaderError(`${fileName}: '${f.key}' needs a label ('${f.key}: label [— placeholder]')`);
    const entry = texts.get(t[1]!) ?? {};
    entry[t[2] as 'zh' | 'en'] = { label: label.trim(), ...(rest.length ? { placeholder: rest.join(' — ').trim() } : {}) };
    texts.set(t[1]!, entry);
  }
  const params: QueryParamDef[] = [];
  for (const f of fields.filter((x) => x.key.startsWith('param ') && !PARAM_TEXT.test(x.key))) {
    const line = `${f.key}: ${f.value}`;
    const m = PARAM.exec(line) ?? PARAM_NO_DESC.exec(line);
    if (!m) throw new QueryHeaderError(`${fileName}: cannot read '${line}' (expected 'param name: type [= default] — description')`);
    const range = RANGE.exec(m[2]!);
    const parsed: ParamType = m[3] ? { kind: 'entity', label: m[3] } : range ? { kind: 'integer' } : ({ kind: m[2] } as ParamType);
    const where = `${fileName}: param ${m[1]}`;
    if (params.some((p) => p.name === m[1])) throw new QueryHeaderError(`${where} is declared twice`);
    const bounds = range ? { min: Number(range[1]), max: Number(range[2]) } : undefined;
    if (bounds && bounds.min > bounds.max) throw new QueryHeaderError(`${where}: empty range ${bounds.min}..${bounds.max}`);
    const dflt = m[4] !== undefined ? parseDefault(m[4], parsed, where) : undefined;
    const text = texts.get(m[1]!);
    if (!text?.zh || !text.en) throw new QueryHeaderError(`${where}: both 'param ${m[1]}.zh' and 'param ${m[1]}.en' (label [— placeholder]) are required`);
    const placeholder = text.zh.placeholder && text.en.placeholder ? { zh: text.zh.placeholder, en: text.en.placeholder } : undefined;
    if ((text.zh.placeholder === undefined) !== (text.en.placeholder === undefined)) throw new QueryHeaderError(`${where}: a placeholder in one language needs one in the other`);
    if (bounds && typeof dflt === 'number' && (dflt < bounds.min || dflt > bounds.max)) throw new QueryHeaderError(`${where}: default ${dflt} is outside ${bounds.min}..${bounds.max}`);
    params.push({
      name: m[1]!,
      type: m[3] ? `entity(${m[3]})` : parsed.kind === 'integer' ? 'integer' : m[2]!,
      parsed,
      ...(bounds ?? {}),
      ...(dflt !== undefined ? { default: dflt } : {}),
      ...(m[5] ? { description: m[5].trim() } : {}),
      label: { zh: text.zh.label, en: text.en.label },
      ...(placeholder ? { placeholder } : {}),
    });
  }
  for (const name of texts.keys()) {
    if (!params.some((p) => p.name === name)) throw new QueryHeaderError(`${fileName}: 'param ${name}.zh/.en' labels a parameter that is not declared`);
  }
  const query = lines.slice(i).filter((l) => !/^\s*\/\//.test(l)).join('\n').trim();
  if (!query) throw new QueryHeaderError(`${fileName}: no query after the header`);
  return { header: { name, title: { zh, en }, description: { zh: descZh, en: descEn }, params }, text: query };
}
