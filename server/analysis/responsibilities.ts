/*
 * Collaboration, workload and the analysis filters, computed from one lean scan of who is named on which task.
 *
 * Why in Node and not in Cypher: on the 2,000-document bench graph (75k tasks, 225k RESPONSIBLE_FOR) the
 * curated queries `collaboration` and `workload` spend their time making and aggregating rows — 743k pair rows
 * for the whole archive — which Neo4j's interpreted runtime does ten to twenty times slower than reading the
 * responsibilities themselves (docs/api.md, "Cost"). So the database sends each task as a few small integers
 * (its plans, and agency × role codes), once per graph state, and every filter of both views is answered from
 * that in milliseconds. The rules are the curated queries' rules — they stay in cypher/queries/ for the console —
 * and an integration test checks that both give the same rows (tests/integration/api-analysis-scan.test.ts).
 * Pure: no I/O, so the counting is unit-tested on hand-made scans.
 */

export const ROLE_CODES = { lead: 1, support: 2, responsible: 3 } as const;
/** A RESPONSIBLE_FOR without a role is 0, one with a role of no other code is OTHER_ROLE. */
export const OTHER_ROLE = 4;
/** Agency × role codes travel as agency * ROLE_SPACE + role. */
export const ROLE_SPACE = 8;

export interface ScanPlan { id: string; name: string; year: number | null; tasks: number }

export interface ScanAgency {
  /** The node's element id: the curated query orders a pair's two agencies by it. */
  key: string;
  id: string;
  name: string;
  group: boolean;
  jurisdiction: string | null;
  /** Named on some task (RESPONSIBLE_FOR to a Task). */
  named: boolean;
  /** Indexes of the agencies that are MEMBER_OF this one. */
  members: number[];
}

export interface ScanTask {
  /** Indexes of the plans that have this task (HAS_TASK). */
  plans: number[];
  /** One code per RESPONSIBLE_FOR: agency index * ROLE_SPACE + role code. */
  named: number[];
}

export interface ResponsibilityScan { plans: ScanPlan[]; agencies: ScanAgency[]; tasks: ScanTask[] }

/** The filters every analysis view shares; empty strings and year 0 mean "all", as in the curated queries. */
export interface AnalysisFilter { plan: string; year: number; jurisdiction: string }

const NONE = 0;
const { lead: LEAD, support: SUPPORT, responsible: RESPONSIBLE } = ROLE_CODES;

/** Strings in Cypher's order (by UTF-16 code unit, as Neo4j compares the names and ids here). */
export const cypherOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function planFilter(scan: ResponsibilityScan, f: Pick<AnalysisFilter, 'plan' | 'year'>): boolean[] {
  return scan.plans.map((p) => (f.plan === '' || p.id === f.plan || p.name === f.plan) && (f.year === 0 || p.year === f.year));
}

function jurisdictionFilter(scan: ResponsibilityScan, jurisdiction: string): boolean[] {
  return scan.agencies.map((a) => jurisdiction === '' || a.jurisdiction === jurisdiction);
}

/**
 * The one role an agency has on a task when it is named several ways: lead, then responsible, then support,
 * then any other role; none when every naming lacks a role. collaboration.cypher applies the same order, so
 * the pair kinds do not depend on the order relationships are read in. STRENGTH[code] ranks the codes.
 */
const STRENGTH = [0, 4, 2, 3, 1] as const;
const strength = (code: number): number => STRENGTH[code as 0 | 1 | 2 | 3 | 4] ?? 1;

export interface PairCount { a: number; b: number; sharedTasks: number; leadSupport: number; supportSupport: number; joint: number }

/**
 * The collaboration network's pairs, as cypher/queries/collaboration.cypher counts them: every pair of agencies
 * named on one task counts once; with `members` a group that has members stands for each of them (its role
 * passing to them, a direct naming winning over the group's); agencies outside the jurisdiction are left out;
 * a pair is lead–support, support–support or joint. `a` is the agency whose element id sorts first. The
 * heaviest `limit` pairs (ties by element ids), ordered by shared tasks, then names and ids, and whether the
 * limit cut.
 */
export function collaborationCounts(scan: ResponsibilityScan, f: AnalysisFilter & { members: boolean; limit: number }): { pairs: PairCount[]; truncated: boolean } {
  const planOk = planFilter(scan, f);
  const inJurisdiction = jurisdictionFilter(scan, f.jurisdiction);
  const n = scan.agencies.length;
  // Rank of each agency's element id, so a pair is keyed lo * n + hi with lo the one that sorts first.
  const byKey = scan.agencies.map((_, i) => i).sort((x, y) => cypherOrder(scan.agencies[x]!.key, scan.agencies[y]!.key));
  const rank = new Int32Array(n);
  byKey.forEach((agency, r) => { rank[agency] = r; });
  // Counters per pair, in slots found through one map; per task, the agencies on it are stamped with the
  // task's number instead of clearing per-agency state (75k tasks, 225k namings on the bench graph).
  const slots = new Map<number, number>();
  let shared = new Int32Array(1024);
  let ls = new Int32Array(1024);
  let ss = new Int32Array(1024);
  const stamp = new Int32Array(n).fill(-1);
  const directRole = new Int32Array(n);
  const groupRole = new Int32Array(n);
  const onTask = new Int32Array(n);
  for (let t = 0; t < scan.tasks.length; t++) {
    const task = scan.tasks[t]!;
    if (!task.plans.some((p) => planOk[p])) continue;
    let count = 0;
    for (const code of task.named) {
      const x = Math.floor(code / ROLE_SPACE);
      const role = code % ROLE_SPACE;
      const members = f.members ? scan.agencies[x]!.members : [];
      const viaGroup = members.length > 0;
      for (const a of viaGroup ? members : [x]) {
        if (!inJurisdiction[a]) continue;
        if (stamp[a] !== t) {
          stamp[a] = t;
          directRole[a] = NONE;
          groupRole[a] = NONE;
          onTask[count++] = a;
        }
        const roles = viaGroup ? groupRole : directRole;
        if (strength(role) > strength(roles[a]!)) roles[a] = role;
      }
    }
    if (count < 2) continue;
    for (let i = 0; i < count; i++) {
      const a = onTask[i]!;
      // A direct role wins when the agency has one; otherwise its groups' roles count.
      if (directRole[a] === NONE) directRole[a] = groupRole[a]!;
    }
    for (let i = 0; i < count; i++) {
      for (let j = i + 1; j < count; j++) {
        const a = onTask[i]!;
        const b = onTask[j]!;
        const key = rank[a]! < rank[b]! ? rank[a]! * n + rank[b]! : rank[b]! * n + rank[a]!;
        let slot = slots.get(key);
        if (slot === undefined) {
          slot = slots.size;
          slots.set(key, slot);
          if (slot === shared.length) {
            const grow = (arr: Int32Array) => { const bigger = new Int32Array(arr.length * 2); bigger.set(arr); return bigger; };
            shared = grow(shared);
            ls = grow(ls);
            ss = grow(ss);
          }
        }
        shared[slot]!++;
        const x = directRole[a]!;
        const y = directRole[b]!;
        if ((x === LEAD && y === SUPPORT) || (x === SUPPORT && y === LEAD)) ls[slot]!++;
        else if (x === SUPPORT && y === SUPPORT) ss[slot]!++;
      }
    }
  }
  const pairs = new Map([...slots.entries()].map(([key, slot]) => [key, { shared: shared[slot]!, ls: ls[slot]!, ss: ss[slot]! }]));
  const heaviest = [...pairs.entries()]
    .map(([key, c]) => ({ lo: Math.floor(key / n), hi: key % n, ...c }))
    .sort((x, y) => y.shared - x.shared || x.lo - y.lo || x.hi - y.hi);
  const agencies = scan.agencies;
  const kept = heaviest
    .slice(0, f.limit)
    .map((p): PairCount => ({
      a: byKey[p.lo]!, b: byKey[p.hi]!, sharedTasks: p.shared, leadSupport: p.ls, supportSupport: p.ss, joint: p.shared - p.ls - p.ss,
    }))
    .sort((x, y) => y.sharedTasks - x.sharedTasks || cypherOrder(agencies[x.a]!.name, agencies[y.a]!.name) || cypherOrder(agencies[x.b]!.name, agencies[y.b]!.name)
      || cypherOrder(agencies[x.a]!.id, agencies[y.a]!.id) || cypherOrder(agencies[x.b]!.id, agencies[y.b]!.id));
  return { pairs: kept, truncated: heaviest.length > f.limit };
}

export type WorkloadCounts = { led: number; supported: number; responsible: number; inherited: number; total: number };

export interface WorkloadCount extends WorkloadCounts { agency: number; plan: number }

/**
 * Agency × plan rows of the workload, as cypher/queries/workload.cypher counts them: per plan and task, each
 * agency once — directly named (lead before responsible before support) or else inherited through a group it
 * is a member of; agencies outside the jurisdiction left out. The first `limit` rows by total (then agency
 * name, plan name, ids), in that order, and whether the limit cut.
 */
export function workloadCounts(scan: ResponsibilityScan, f: AnalysisFilter & { limit: number }): { rows: WorkloadCount[]; truncated: boolean } {
  const planOk = planFilter(scan, f);
  const inJurisdiction = jurisdictionFilter(scan, f.jurisdiction);
  const rows = new Map<number, WorkloadCount>();
  // Per agency on the task at hand (stamped with the task's number): the role codes of its direct namings as
  // bits; 0 when it is on the task only through a group. NAMED marks a direct naming without a role.
  const NAMED = 1 << 7;
  const stamp = new Int32Array(scan.agencies.length).fill(-1);
  const direct = new Int32Array(scan.agencies.length);
  const onTask: number[] = [];
  for (let t = 0; t < scan.tasks.length; t++) {
    const task = scan.tasks[t]!;
    if (!task.plans.some((p) => planOk[p])) continue;
    onTask.length = 0;
    const meet = (a: number) => {
      if (stamp[a] === t) return;
      stamp[a] = t;
      direct[a] = 0;
      onTask.push(a);
    };
    for (const code of task.named) {
      const x = Math.floor(code / ROLE_SPACE);
      if (inJurisdiction[x]) {
        meet(x);
        direct[x]! |= NAMED | (1 << (code % ROLE_SPACE));
      }
      for (const m of scan.agencies[x]!.members) if (inJurisdiction[m]) meet(m);
    }
    for (const plan of task.plans) {
      if (!planOk[plan]) continue;
      for (const agency of onTask) {
        const key = agency * scan.plans.length + plan;
        const row = rows.get(key) ?? rows.set(key, { agency, plan, led: 0, supported: 0, responsible: 0, inherited: 0, total: 0 }).get(key)!;
        const bits = direct[agency]!;
        // A naming without a role still makes the task direct, counted under no role (as the curated query does).
        if (bits === 0) row.inherited++;
        else if (bits & (1 << LEAD)) row.led++;
        else if (bits & (1 << RESPONSIBLE)) row.responsible++;
        else if (bits & (1 << SUPPORT)) row.supported++;
      }
    }
  }
  const { agencies, plans } = scan;
  const ranked = [...rows.values()]
    .map((r) => ({ ...r, total: r.led + r.supported + r.responsible + r.inherited }))
    .sort((x, y) => y.total - x.total || cypherOrder(agencies[x.agency]!.name, agencies[y.agency]!.name) || cypherOrder(plans[x.plan]!.name, plans[y.plan]!.name)
      || cypherOrder(agencies[x.agency]!.id, agencies[y.agency]!.id) || cypherOrder(plans[x.plan]!.id, plans[y.plan]!.id));
  return { rows: ranked.slice(0, f.limit), truncated: ranked.length > f.limit };
}

export interface FilterChoices {
  plans: { id: string; name: string; year: number | null; tasks: number }[];
  jurisdictions: { name: string; agencies: number }[];
}

/**
 * What the analysis views can be filtered by: plans that have tasks (newest year first, a plan without a year
 * before them as Cypher's descending order puts nulls, then by name) and the jurisdictions of agencies named on
 * tasks (most agencies first); an integration test compares it with a plain query.
 */
export function filterChoices(scan: ResponsibilityScan): FilterChoices {
  const year = (y: number | null) => (y === null ? Number.POSITIVE_INFINITY : y);
  const plans = [...scan.plans]
    .sort((x, y) => year(y.year) - year(x.year) || cypherOrder(x.name, y.name) || cypherOrder(x.id, y.id))
    .map(({ id, name, year: y, tasks }) => ({ id, name, year: y, tasks }));
  const counts = new Map<string, number>();
  for (const a of scan.agencies) if (a.named && a.jurisdiction !== null) counts.set(a.jurisdiction, (counts.get(a.jurisdiction) ?? 0) + 1);
  const jurisdictions = [...counts.entries()].map(([name, agencies]) => ({ name, agencies }))
    .sort((x, y) => y.agencies - x.agencies || cypherOrder(x.name, y.name));
  return { plans, jurisdictions };
}
