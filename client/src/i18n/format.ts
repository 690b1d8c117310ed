/*
 * Messages with {placeholders} for the UI's strings (counts, sizes, positions); the dictionaries stay
 * plain strings so translators see whole sentences.
 */
import { translate, type Lang, type MessageKey } from './index.ts';

export function tf(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return translate(lang, key).replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
