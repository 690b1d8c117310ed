/*
 * Plans named in text: every 《…》 title is a Plan, whether or not we hold its text. A plan that
 * says it implements (实施/落实/贯彻…) another plan gets IMPLEMENTS, any other citation REFERENCES.
 */
import { surfaceKey } from './gazetteer.ts';

export interface PlanCitation {
  title: string;
  /** normalised span of the title including the brackets */
  start: number;
  end: number;
  implements: boolean;
}

const CITED = /《([^《》\n]{2,120})》/g;
const IMPLEMENTING = /(实施|落实|贯彻|贯彻落实|根据|依据|按照|执行)[^,;。]{0,6}$/;

export function planNodeId(title: string): string {
  return `plan:${normalisePlanTitle(title)}`;
}

export function normalisePlanTitle(title: string): string {
  return surfaceKey(title.replace(/^《|》$/g, '')).replace(/<|>/g, (c) => (c === '<' ? '〈' : '〉'));
}

export function findPlanCitations(text: string, from: number, to: number): PlanCitation[] {
  const out: PlanCitation[] = [];
  CITED.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = CITED.exec(text)) !== null && m.index < to) {
    const lead = text.slice(Math.max(from, m.index - 12), m.index);
    out.push({ title: m[1]!.trim(), start: m.index, end: m.index + m[0].length, implements: IMPLEMENTING.test(lead) });
  }
  return out;
}

/** Year a plan is about: the first 4-digit year in its title, else undefined. */
export function planYear(title: string): number | undefined {
  const m = /(\d{4})年/.exec(title) ?? /(\d{4})/.exec(title);
  return m ? Number(m[1]) : undefined;
}
