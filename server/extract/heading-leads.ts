/*
 * Task lists grouped under headings that name who leads them (`一、县示范区管委会牵头工作(8项)`,
 * `二、县发改局负责的任务`): a breakdown printed by unit instead of a list per item. The heading is no list
 * of its own (it is a heading); its units are the list of every item below it that prints none.
 */
import { looksLikeUnit, splitListUnits } from './list-units.ts';
import type { ListedUnit, ResponsibilityList } from './responsibility.ts';
import type { Heading } from './structure.ts';

/** A list that holds for the items of a section, [start, end) being the section after its heading line. */
export interface SectionList { list: ResponsibilityList; start: number; end: number }

// The unit(s), the verb, then 工作 / 任务 / 事项 and at most a count: nothing else may follow, so a heading
// that only mentions a lead (`一、由市发改委牵头推进的项目建设`) is not read.
const GROUP_HEADING = /^(.{2,60}?)(牵头|负责)的?(?:工作|任务|事项)(?:\(\d+项\))?$/;

export function findHeadingLeads(text: string, headings: Heading[]): SectionList[] {
  const out: SectionList[] = [];
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]!;
    const lead = h.title.length - h.title.trimStart().length;
    if (!h.title.startsWith(h.marker, lead)) continue;
    const bodyStart = h.line.start + lead + h.marker.length;
    const m = GROUP_HEADING.exec(text.slice(bodyStart, h.line.start + h.title.trimEnd().length));
    if (!m) continue;
    const units = splitListUnits(text, bodyStart, bodyStart + m[1]!.length);
    if (units.length === 0 || !units.every((u) => looksLikeUnit(u.name))) continue;
    const role = m[2] === '牵头' ? 'lead' : 'responsible';
    const listed: ListedUnit[] = units.map((u, k) => ({ name: u.name, start: u.start, end: u.end, role, rank: k + 1 }));
    // The section runs to the next heading of its level or above.
    let end = text.length;
    for (let k = i + 1; k < headings.length; k++) if (headings[k]!.level <= h.level) { end = headings[k]!.line.start; break; }
    out.push({ list: { start: units[0]!.start, end: units[units.length - 1]!.end, units: listed, explicit: true }, start: h.line.end, end });
  }
  return out;
}
