/*
 * Cuts the sentence around an evidence span out of a document's text, so the node view can show a fact
 * in context. Chinese sentences end at 。！？；, at line breaks, or (in long run-on lists) are capped.
 */
const ENDS = new Set(['。', '！', '？', '；', '!', '?', ';', '\n']);

export function sentenceAround(text: string, start: number, end: number, maxChars = 240): string {
  if (start < 0 || end > text.length || start > end) return '';
  let s = start;
  while (s > 0 && !ENDS.has(text[s - 1]!) && start - s < maxChars / 2) s--;
  let e = end;
  while (e < text.length && !ENDS.has(text[e - 1] ?? '') && e - end < maxChars / 2) e++;
  return text.slice(s, e).trim();
}
