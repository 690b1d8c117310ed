/*
 * The upload's decisions without the DOM, so they are unit-tested: why a file was refused, in the UI's
 * language (the server's message is English and names the file; the user needs the reason in theirs),
 * what a replacement changes in the counts, and what a finished upload adds up to.
 */
import { ApiError } from '../api/client.ts';
import { translate, type Lang, type MessageKey } from '../i18n/index.ts';
import type { DocumentCounts, DocumentPreview, PreviewUnit } from './upload-types.ts';

export type FailureKind = 'type' | 'convert' | 'binary' | 'empty' | 'unreadable' | 'tooLarge' | 'name' | 'forbidden' | 'network' | 'other';

export interface Failure { kind: FailureKind; limit?: number; status?: number; detail: string }

const MB = 1024 * 1024;

/** Why the server (or the browser) refused one file, classified from the answer's status, code and message. */
export function failureOf(e: unknown): Failure {
  if (!(e instanceof ApiError)) return { kind: 'network', detail: e instanceof Error ? e.message : String(e) };
  const detail = e.message;
  const status = e.status;
  if (status === 413) {
    const limit = (e.details as { limit?: unknown } | undefined)?.limit;
    return { kind: 'tooLarge', status, detail, ...(typeof limit === 'number' ? { limit } : {}) };
  }
  if (status === 415) {
    // A .doc or .wps: the server says to save it as .docx, which the user needs to read in their language.
    const kind = /save it as \.docx/.test(detail) ? 'convert' : /only .* files are read/.test(detail) ? 'type' : 'binary';
    return { kind, status, detail };
  }
  if (status === 422) return { kind: /is empty|holds no text/.test(detail) ? 'empty' : 'unreadable', status, detail };
  if (status === 400) return { kind: 'name', status, detail };
  if (status === 403) return { kind: 'forbidden', status, detail };
  return { kind: 'other', status, detail };
}

/** A file over the per-file limit is refused before it is sent (the server would answer 413). */
export function tooLarge(size: number, maxFileBytes: number): Failure | null {
  return size > maxFileBytes ? { kind: 'tooLarge', limit: maxFileBytes, status: 413, detail: `over ${maxFileBytes} bytes` } : null;
}

const FAILURE_KEYS: Record<FailureKind, MessageKey> = {
  type: 'upFailType', convert: 'hdSaveAsDocx', binary: 'upFailBinary', empty: 'upFailEmpty', unreadable: 'upFailUnreadable', tooLarge: 'upFailTooLarge',
  name: 'upFailName', forbidden: 'upFailForbidden', network: 'upFailNetwork', other: 'upFailOther',
};

export function fill(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return translate(lang, key).replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** The reason in the UI's language; English adds the server's own words, which name what was wrong. */
export function failureText(lang: Lang, f: Failure): string {
  const reason = fill(lang, FAILURE_KEYS[f.kind], { limit: f.limit !== undefined ? `${Math.round((f.limit / MB) * 10) / 10} MB` : '', status: f.status ?? '' });
  return lang === 'en' && f.kind !== 'tooLarge' && f.detail ? `${reason} (${f.detail})` : reason;
}

export const COUNT_KEYS = ['tasks', 'responsibilities', 'entities', 'targets', 'warnings'] as const;

/** What a replacement changes, per count that changes: "tasks 2 → 3". Empty when nothing counted changes. */
export function countChanges(before: DocumentCounts | null, after: DocumentCounts): { key: (typeof COUNT_KEYS)[number]; from: number; to: number }[] {
  if (!before) return [];
  return COUNT_KEYS.filter((k) => before[k] !== after[k]).map((k) => ({ key: k, from: before[k], to: after[k] }));
}

/** What a finished upload added up to, for the toast: documents loaded, replaced, unchanged, failed; tasks read. */
export function uploadSummary(written: readonly DocumentPreview[], failed: number): { loaded: number; replaced: number; unchanged: number; failed: number; tasks: number } {
  const by = (s: string) => written.filter((d) => d.written === s).length;
  return {
    loaded: by('loaded'), replaced: by('replaced'), unchanged: by('unchanged'), failed,
    tasks: written.filter((d) => d.written !== 'unchanged').reduce((n, d) => n + d.counts.tasks, 0),
  };
}

const ROLE_ORDER: Record<string, number> = { lead: 0, responsible: 1, support: 2 };

/** A task's units as a list prints them: 牵头 before 配合, each list in its own order (rank restarts per list). */
export function inPrintedOrder(units: readonly PreviewUnit[]): PreviewUnit[] {
  const roleRank = (u: PreviewUnit) => ROLE_ORDER[u.role ?? ''] ?? 3;
  return [...units].sort((a, b) => roleRank(a) - roleRank(b) || (a.rank ?? 0) - (b.rank ?? 0));
}

/** Units of a preview's tasks that the gazetteer does not know, once each in order of appearance. */
export function unresolvedUnits(p: DocumentPreview): string[] {
  return [...new Set(p.tasks.flatMap((t) => t.units.filter((u) => !u.resolved).map((u) => u.name)))];
}

/** A preview's warnings as lines: every unit the gazetteer does not know on one line, where the first stood. */
export type WarningLine = { code: 'unresolved-unit'; units: string[] } | { code: string; message: string; units?: undefined };

/**
 * A city's opinions naming 36 bureaus the gazetteer does not have gave 36 lines of "unit not in the gazetteer",
 * pushing the tasks out of the dialog: they are one line, the units listed once each in order.
 */
export function warningLines(warnings: readonly DocumentPreview['warnings'][number][]): WarningLine[] {
  const out: WarningLine[] = [];
  let units: string[] | null = null;
  for (const w of warnings) {
    if (w.code !== 'unresolved-unit') { out.push({ code: w.code, message: w.message }); continue; }
    if (!units) out.push({ code: 'unresolved-unit', units: (units = []) });
    if (w.unit && !units.includes(w.unit)) units.push(w.unit);
  }
  return out;
}
