/*
 * Fills {name} placeholders in a translated message ("已显示 {n} 个,共 {m} 个"), so word order stays
 * each language's own instead of being glued together in code.
 */
export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
