/*
 * Chinese numerals and magnitude words. Plans print quantities as 3万, 2.7亿, 十, 两, 超百亿元;
 * indicators from different documents only line up if all of them resolve to plain numbers.
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Parses 二十八, 一百零五, 十, 三万, 两千 → number; NaN if it is not a Chinese numeral. */
export function parseChineseNumeral(s: string): number {
  if (s.length === 0) return NaN;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      section += (digit < 0 ? 1 : digit) * small;
      digit = -1;
      continue;
    }
    const big = BIG_UNITS[ch];
    if (big !== undefined) {
      section += digit < 0 ? 0 : digit;
      total += (section === 0 ? 1 : section) * big;
      section = 0;
      digit = -1;
      continue;
    }
    return NaN;
  }
  return total + section + (digit < 0 ? 0 : digit);
}

/** Arabic or Chinese numeral → number. */
export function parseNumeral(s: string): number {
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  return parseChineseNumeral(s);
}

export function magnitude(word: string | undefined): number {
  if (!word) return 1;
  return BIG_UNITS[word] ?? SMALL_UNITS[word] ?? 1;
}

/** Multiplies without binary noise: 2.7 × 1e8 = 270000000, not 270000000.00000003. */
export function scale(value: number, factor: number): number {
  return Number((value * factor).toPrecision(12));
}
