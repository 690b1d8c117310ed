/*
 * What a failed call means, in the UI's language. The server's messages are English sentences for logs and
 * API users; the UI says the same thing from the stable error code (server/errors.ts ERROR_CODES) and the
 * details it knows how to read (an unknown entity, the id that was not found, the field that was wrong),
 * so the Chinese UI never shows an English server sentence. Pure, so the code → message map is unit-tested.
 */
import type { ErrorCode } from '../../../server/errors.ts';
import { entityWord, type Lang, type MessageKey } from '../i18n/index.ts';
import { tf } from '../i18n/format.ts';
import { ApiError } from './client.ts';

/** The message of each server error code; `satisfies` makes a new server code without a message a type error. */
export const ERROR_MESSAGES = {
  BAD_REQUEST: 'err.BAD_REQUEST',
  VALIDATION_FAILED: 'err.VALIDATION_FAILED',
  NOT_FOUND: 'err.NOT_FOUND',
  FORBIDDEN_QUERY: 'err.FORBIDDEN_QUERY',
  CYPHER_SYNTAX: 'err.CYPHER_SYNTAX',
  CYPHER_ERROR: 'err.CYPHER_ERROR',
  QUERY_TIMEOUT: 'err.QUERY_TIMEOUT',
  RESULT_TOO_LARGE: 'err.RESULT_TOO_LARGE',
  RATE_LIMITED: 'err.RATE_LIMITED',
  PAYLOAD_TOO_LARGE: 'err.PAYLOAD_TOO_LARGE',
  FORBIDDEN: 'err.FORBIDDEN',
  UNSUPPORTED_MEDIA_TYPE: 'err.UNSUPPORTED_MEDIA_TYPE',
  UNPROCESSABLE_DOCUMENT: 'err.UNPROCESSABLE_DOCUMENT',
  MISDIRECTED_REQUEST: 'err.MISDIRECTED_REQUEST',
  NEO4J_UNAVAILABLE: 'err.NEO4J_UNAVAILABLE',
  DISK_FULL: 'err.DISK_FULL',
  CONFLICT: 'err.CONFLICT',
  INTERNAL: 'err.INTERNAL',
} as const satisfies Record<ErrorCode, MessageKey>;

/** Codes the client itself gives a failure: no answer at all, or one that is not our JSON. */
const CLIENT_CODES: Record<string, MessageKey> = { NETWORK: 'err.NETWORK', BAD_RESPONSE: 'err.BAD_RESPONSE' };

interface Issue { field?: unknown; reason?: unknown; label?: unknown; value?: unknown; candidates?: unknown }

/** One of the nodes an ambiguous name could mean, with its area (server: curated.ts, entityOf). */
export interface EntityCandidate { id: string; name: string; jurisdiction: string | null }

/** The candidates of an ambiguous-entity issue, or null when the issue is not one (or is malformed). */
export function ambiguousCandidates(issue: Issue | undefined): EntityCandidate[] | null {
  if (issue?.reason !== 'ambiguous-entity' || !Array.isArray(issue.candidates)) return null;
  const ok = issue.candidates.filter((c): c is EntityCandidate => !!c && typeof c.id === 'string' && typeof c.name === 'string');
  return ok.length ? ok.map((c) => ({ id: c.id, name: c.name, jurisdiction: typeof c.jurisdiction === 'string' ? c.jurisdiction : null })) : null;
}

/** A candidate's area as the UI says it: the area's own name, or "area unknown" in the UI's language. */
export const candidateArea = (lang: Lang, c: EntityCandidate): string => c.jurisdiction ?? tf(lang, 'hjAreaUnknown');

/** "“市发改委” could be any of 3: 丽水市发改委 (丽水市), …": the name typed and every node it may mean, with areas. */
export function ambiguousEntityText(lang: Lang, value: string, label: string, candidates: readonly EntityCandidate[]): string {
  const list = candidates.map((c) => (lang === 'zh' ? `${c.name}(${candidateArea(lang, c)})` : `${c.name} (${candidateArea(lang, c)})`)).join(lang === 'zh' ? '、' : ', ');
  return tf(lang, 'hjAmbiguousEntity', { name: value, n: candidates.length, label: entityWord(lang, label), list });
}

/** The code's message with what the details add: "no agency named X", the id not found, the field that was wrong. */
export function apiErrorText(lang: Lang, code: string, details?: unknown, status?: number): string {
  const d = (details ?? {}) as { issues?: Issue[]; id?: unknown; ids?: unknown; name?: unknown };
  const issue = Array.isArray(d.issues) ? d.issues[0] : undefined;
  if (issue?.reason === 'unknown-entity' && typeof issue.value === 'string') {
    return tf(lang, 'unknownEntity', { name: issue.value, label: entityWord(lang, typeof issue.label === 'string' ? issue.label : '') });
  }
  const candidates = ambiguousCandidates(issue);
  if (candidates && typeof issue?.value === 'string') return ambiguousEntityText(lang, issue.value, typeof issue.label === 'string' ? issue.label : '', candidates);
  if (code === 'VALIDATION_FAILED' && typeof issue?.field === 'string' && /^[A-Za-z_]\w*$/.test(issue.field)) {
    return tf(lang, 'err.VALIDATION_FAILED.field', { field: issue.field });
  }
  if (code === 'NOT_FOUND') {
    const id = typeof d.id === 'string' ? d.id : Array.isArray(d.ids) && typeof d.ids[0] === 'string' ? d.ids[0] : typeof d.name === 'string' ? d.name : null;
    if (id) return tf(lang, 'err.NOT_FOUND.id', { id: id.replace(/^[a-z_]+:/, '') });
  }
  const key = Object.hasOwn(ERROR_MESSAGES, code) ? ERROR_MESSAGES[code as ErrorCode] : CLIENT_CODES[code];
  if (key) return tf(lang, key);
  return status ? tf(lang, 'err.HTTP', { status }) : tf(lang, 'err.UNKNOWN');
}

/** Any failure as the UI says it: API errors by code, a fetch that never got an answer as "cannot reach the server". */
export function errorText(lang: Lang, e: unknown): string {
  if (e instanceof ApiError) return apiErrorText(lang, e.code, e.details, e.status);
  if (e instanceof TypeError) return tf(lang, 'err.NETWORK');
  return tf(lang, 'err.UNKNOWN');
}
