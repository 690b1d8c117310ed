/*
 * What went wrong with a curated query's form, kept as facts (which parameter, which label, what was typed)
 * rather than as the server's English sentence, so the panel can say "没有名为“X”的机构" or "No agency
 * named “X”" in whichever language the UI is in, and say it again when the language changes. Pure.
 */
import { ApiError } from '../api/client.ts';
import { ambiguousCandidates, ambiguousEntityText, errorText, type EntityCandidate } from '../api/error-text.ts';
import { entityWord, type Lang } from '../i18n/index.ts';
import { tf } from '../i18n/format.ts';

export type FormError =
  | { query: string; param: string; kind: 'unknown-entity'; label: string; value: string }
  | { query: string; param: string; kind: 'ambiguous-entity'; label: string; value: string; candidates: EntityCandidate[] }
  | { query: string; param: string; kind: 'missing'; label: string }
  | { query: string; param: string | null; kind: 'other'; message: string; error?: unknown };

interface Issue { field?: unknown; message?: unknown; reason?: unknown; label?: unknown; value?: unknown; candidates?: unknown }

/** The form error a failed run means: the server's unknown-entity or ambiguous-entity issue when it reports one. */
export function formErrorFrom(query: string, e: unknown): FormError {
  if (e instanceof ApiError) {
    const issues = (e.details as { issues?: Issue[] } | undefined)?.issues;
    const first = Array.isArray(issues) ? issues[0] : undefined;
    if (first?.reason === 'unknown-entity' && typeof first.field === 'string' && typeof first.value === 'string') {
      return { query, param: first.field, kind: 'unknown-entity', label: typeof first.label === 'string' ? first.label : '', value: first.value };
    }
    const candidates = ambiguousCandidates(first);
    if (candidates && typeof first?.field === 'string' && typeof first.value === 'string') {
      return { query, param: first.field, kind: 'ambiguous-entity', label: typeof first.label === 'string' ? first.label : '', value: first.value, candidates };
    }
    return { query, param: typeof first?.field === 'string' ? first.field : null, kind: 'other', message: e.message, error: e };
  }
  return { query, param: null, kind: 'other', message: e instanceof Error ? e.message : String(e), error: e };
}

export function formErrorText(lang: Lang, fe: FormError): string {
  if (fe.kind === 'unknown-entity') return tf(lang, 'unknownEntity', { name: fe.value, label: entityWord(lang, fe.label) });
  if (fe.kind === 'ambiguous-entity') return ambiguousEntityText(lang, fe.value, fe.label, fe.candidates);
  if (fe.kind === 'missing') return tf(lang, 'entityRequired', { label: entityWord(lang, fe.label) });
  // Said from the error's code in the UI's language (error-text.ts), never the server's English.
  return errorText(lang, fe.error ?? new Error(fe.message));
}
