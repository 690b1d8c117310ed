/*
 * Parses the header of a curated query file (cypher/queries/*.cypher):
 *   // name: tasks-of-agency
 *   // title.zh: 机构负责的任务
 *   // title.en: Tasks of an agency
 *   // description: …            (continuation lines start with `//` and two or more spaces)
 *   // param agency: entity(Agency) — the agency's id
 *   // param limit: integer(1..500) = 50 — page size   (an optional inclusive range)
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
  description?: string;
}

export interface QueryHeader {
  name: string;
  title: { zh: string; en: string };
  description: string;
  params: QueryParamDef[];
}

export class QueryHeaderError extends Error {
  override name = 'QueryHeaderError';
}

const TYPE = String.raw`(string|integer(?:\(\s*\d+\s*\.\.\s*\d+\s*\))?|number|boolean|entity\(\s*([A-Z]\w*)\s*\))`;
const PARAM = new RegExp(String.raw`^param\s+([A-Za-z_]\w*)\s*:\s*${TYPE}\s*(?:=\s*(.+?))?\s*(?:[—–]|--)\s*(.*)$`);
const PARAM_NO_DESC = new RegExp(String.raw`^param\s+([A-Za-z_]\w*)\s*:\s*${TYPE}\s*(?:=\s*(.+?))?\s*$`);
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
    const m = /^\s*(param\s+[A-Za-z_]\w*|[A-Za-z][\w.-]*)\s*:\s?(.*)$/.exec(body);
    if (m) fields.push({ key: m[1]!.replace(/\s+/g, ' '), value: (m[2] ?? '').trim() });
  }
  const get = (k: string) => fields.find((f) => f.key === k)?.value;
  const name = get('name');
  if (!name || !/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new QueryHeaderError(`${fileName}: missing or invalid 'name' (lowercase words joined by -)`);
  const zh = get('title.zh');
  const en = get('title.en');
  if (!zh || !en) throw new QueryHeaderError(`${fileName}: both 'title.zh' and 'title.en' are required`);
  const params: QueryParamDef[] = [];
  for (const f of fields.filter((x) => x.key.startsWith('param '))) {
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
    if (bounds && typeof dflt === 'number' && (dflt < bounds.min || dflt > bounds.max)) throw new QueryHeaderError(`${where}: default ${dflt} is outside ${bounds.min}..${bounds.max}`);
    params.push({
      name: m[1]!,
      type: m[3] ? `entity(${m[3]})` : parsed.kind === 'integer' ? 'integer' : m[2]!,
      parsed,
      ...(bounds ?? {}),
      ...(dflt !== undefined ? { default: dflt } : {}),
      ...(m[5] ? { description: m[5].trim() } : {}),
    });
  }
  const text = lines.slice(i).filter((l) => !/^\s*\/\//.test(l)).join('\n').trim();
  if (!text) throw new QueryHeaderError(`${fileName}: no query after the header`);
  return { header: { name, title: { zh, en }, description: get('description') ?? '', params }, text };
}
