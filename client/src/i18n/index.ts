/*
 * Message lookup, pure: translate(lang, key) and helpers for labels and relationship types that fall
 * back to the raw name, because the graph may grow labels the dictionaries do not know yet.
 */
import { en } from './en.ts';
import { zh, type MessageKey, type Messages } from './zh.ts';

export type Lang = 'zh' | 'en';
export type { MessageKey };

const dictionaries: Record<Lang, Messages> = { zh, en };

export function translate(lang: Lang, key: MessageKey): string {
  return dictionaries[lang][key];
}

export function labelName(lang: Lang, label: string): string {
  const key = `label.${label}`;
  return key in zh ? translate(lang, key as MessageKey) : label;
}

export function relName(lang: Lang, type: string): string {
  const key = `rel.${type}`;
  return key in zh ? translate(lang, key as MessageKey) : type;
}

export function messageKeys(): MessageKey[] {
  return Object.keys(zh) as MessageKey[];
}

/** A label as a word inside a sentence: 机构 / "agency" (English lower-case), 实体 / "entity" when unknown. */
export function entityWord(lang: Lang, label: string | null | undefined): string {
  if (!label) return translate(lang, 'entity');
  const name = labelName(lang, label);
  return lang === 'en' ? name.toLowerCase() : name;
}
