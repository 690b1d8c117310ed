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

/** `prefix.name` from the dictionary, or the raw name when the dictionary does not know it. */
function named(lang: Lang, prefix: string, name: string): string {
  const key = `${prefix}.${name}`;
  return Object.hasOwn(zh, key) ? translate(lang, key as MessageKey) : name;
}

export const labelName = (lang: Lang, label: string): string => named(lang, 'label', label);
export const relName = (lang: Lang, type: string): string => named(lang, 'rel', type);
/** lead / support / responsible → 牵头 / 配合 / 负责. */
export const roleName = (lang: Lang, role: string): string => named(lang, 'role', role);
/** A curated query's result column (a Cypher alias), as the Explore results drawer heads it. */
export const columnName = (lang: Lang, column: string): string => named(lang, 'col', column);
/** A node property's name in the details panel. */
export const propName = (lang: Lang, prop: string): string => named(lang, 'prop', prop);
/** An enumerated value the graph stores in English (a level, a kind of figure, a direction). */
export const valueName = (lang: Lang, value: string): string => named(lang, 'val', value);

export function messageKeys(): MessageKey[] {
  return Object.keys(zh) as MessageKey[];
}

/** A label as a word inside a sentence: 机构 / "agency" (English lower-case), 实体 / "entity" when unknown. */
export function entityWord(lang: Lang, label: string | null | undefined): string {
  if (!label) return translate(lang, 'entity');
  const name = labelName(lang, label);
  return lang === 'en' ? name.toLowerCase() : name;
}
