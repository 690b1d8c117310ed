/*
 * Which task a responsibility list belongs to: the innermost task printed around it (a (1) sub-item
 * inside item 3 takes its own lists; item 3 keeps the rest). Tasks that are tasks only with a list
 * (sub-items, principles and goals: TaskBlock.needsList) are dropped when no list falls in them.
 */
import type { SectionList } from './heading-leads.ts';
import type { ResponsibilityList } from './responsibility.ts';
import type { TaskBlock } from './structure.ts';

export interface TasksWithLists {
  tasks: TaskBlock[];
  listsOf: Map<TaskBlock, ResponsibilityList[]>;
  /** sections (一、 with no block below) dropped for want of a list: they were never tasks */
  droppedSections: number;
}

/**
 * `tasks` in document order (nested tasks follow their parent); `lists` in any order. A list alone on its
 * line after sub-items (1)(2)… closes the whole item, so it goes to the item, not to the last sub-item.
 */
/**
 * An event notice's section naming who organises it (一、组织机构 / 主办单位:X / 承办单位:Y): its labelled lines
 * name the event's organisers, not who answers for a task, so the section takes no list and is no task.
 */
const ORGANISERS_SECTION = /^(?:组织机构|组织单位|组织架构|组织形式|活动组织|大赛组织|会议组织|主办单位|主承办单位|主办和承办单位)[。:：]?$/;

export function attachLists(text: string, tasks: TaskBlock[], lists: ResponsibilityList[], sectionLists: SectionList[] = []): TasksWithLists {
  const listsOf = new Map<TaskBlock, ResponsibilityList[]>();
  const byStart = [...lists].sort((x, y) => x.start - y.start);
  let i = -1;
  for (const list of byStart) {
    while (i + 1 < tasks.length && tasks[i + 1]!.start <= list.start) i++;
    // The innermost task is the last one opened before the list that still encloses it.
    for (let k = i; k >= 0 && k >= i - 8; k--) {
      const t = tasks[k]!;
      if (ORGANISERS_SECTION.test(t.title.trim()) && t.start <= list.start && list.end <= t.end) break;
      if (t.start <= list.start && list.end <= t.end && !(t.level === 4 && aloneOnLine(text, list)) && !(t.level === 1 && onHeadingLine(text, t, list))) {
        const own = listsOf.get(t);
        if (own) own.push(list);
        else listsOf.set(t, [list]);
        break;
      }
    }
  }
  // A heading that names the section's lead (一、X牵头工作) gives its list to each item below that prints none;
  // sub-items stay in their item, and sections and principle blocks never take it.
  for (const s of sectionLists) {
    for (const t of tasks) {
      if (t.start < s.start || t.start >= s.end || t.level === 4 || t.needsList || listsOf.has(t)) continue;
      listsOf.set(t, [s.list]);
    }
  }
  // A section without a list was never a task: the tasks after it keep the order they have without it.
  const kept: TaskBlock[] = [];
  const keptLists = new Map<TaskBlock, ResponsibilityList[]>();
  let droppedSections = 0;
  for (const t of tasks) {
    const own = listsOf.get(t);
    if (t.needsList && !own) {
      if (t.level === 1) droppedSections++;
      continue;
    }
    const task = droppedSections > 0 ? { ...t, order: t.order - droppedSections } : t;
    kept.push(task);
    if (own) keptLists.set(task, own);
  }
  return { tasks: kept, listsOf: keptLists, droppedSections };
}

/**
 * A list printed on a section's heading line (`一、强化科技创新(区科技局牵头)`) with the section's text on
 * the lines below is the heading's bracket, not the section's own list: only a section that is one work
 * item, its list in its text (or the whole section on one line), reads as a task.
 */
function onHeadingLine(text: string, section: TaskBlock, list: ResponsibilityList): boolean {
  const nl = text.indexOf('\n', section.start);
  const lineEnd = nl < 0 || nl > section.end ? section.end : nl;
  return list.end <= lineEnd && text.slice(lineEnd, section.end).trim() !== '';
}

function aloneOnLine(text: string, list: ResponsibilityList): boolean {
  let a = list.start;
  while (a > 0 && (text[a - 1] === ' ' || text[a - 1] === '\t')) a--;
  let b = list.end;
  while (b < text.length && /[ \t。]/.test(text[b]!)) b++;
  return (a === 0 || text[a - 1] === '\n') && (b === text.length || text[b] === '\n' || text[b] === '\r');
}
