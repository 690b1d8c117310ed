/*
 * tasks-of-agency's page key (server/graph/writer/page-key.ts): string order of the keys must be the
 * order the query promises — plan name, printed order (a number), task number, task id, missing values
 * last — and a write must give a new task's relationships the key the graph would give them.
 */
import { describe, expect, it } from 'vitest';
import { cypherInteger, pageKey, taskKey, type TaskKeyFacts } from '../../../../server/graph/writer/page-key.ts';
import { prepareDocument } from '../../../../server/graph/writer/prepare-facts.ts';
import { pageKeysToRecheck, planWrite } from '../../../../server/graph/writer/write-plan.ts';
import { docA, docB } from '../../../fixtures/facts/small-corpus.ts';

const byKey = (tasks: TaskKeyFacts[]) => [...tasks].sort((x, y) => (taskKey(x) < taskKey(y) ? -1 : 1)).map((t) => t.id);

describe('taskKey', () => {
  it('orders by plan, then order as a number, then number, then id, with missing values last', () => {
    const tasks: TaskKeyFacts[] = [
      { id: 't:none', plan: null, order: 1, number: '1' },
      { id: 't:b10', plan: 'B', order: 10, number: '10' },
      { id: 't:b2', plan: 'B', order: 2, number: '2' },
      { id: 't:a9', plan: 'A', order: 9, number: '9' },
      { id: 't:b-unordered', plan: 'B', number: '（三）' },
      { id: 't:b-bare', plan: 'B' },
      { id: 't:b2-second', plan: 'B', order: 2, number: '2' },
    ];
    expect(byKey(tasks)).toEqual(['t:a9', 't:b2', 't:b2-second', 't:b10', 't:b-unordered', 't:b-bare', 't:none']);
  });

  it('reads a task number as its order when the task has none, as Cypher\'s toInteger would', () => {
    expect(byKey([{ id: 'x', plan: 'P', number: '12' }, { id: 'y', plan: 'P', number: '3' }])).toEqual(['y', 'x']);
    expect([cypherInteger('12'), cypherInteger('+4'), cypherInteger('2.7'), cypherInteger('1e2')]).toEqual([12, 4, 2, 100]);
    expect([cypherInteger('（三）'), cypherInteger(''), cypherInteger(' 3'), cypherInteger(null), cypherInteger(undefined)]).toEqual([null, null, null, null, null]);
  });

  it('puts the agency and a tab before the task\'s part, so one agency\'s keys are one index range', () => {
    const key = pageKey('agency:a', taskKey({ id: 't:1', plan: 'P', order: 1, number: '1' }));
    expect(key).toBe('agency:a\t0P\t0000000000001\t01\tt:1');
  });
});

describe('page keys in a write plan', () => {
  const a = prepareDocument(docA.facts, docA.text);
  const b = prepareDocument(docB.facts, docB.text);

  it('gives each RESPONSIBLE_FOR row to a task the key of its agency and that task\'s facts', () => {
    const plan = planWrite([a, b]);
    const rows = plan.relationships.get('RESPONSIBLE_FOR') ?? [];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const task = plan.nodes.find((n) => n.id === r.to)!.create[1] as { order?: { toNumber(): number }; number?: string };
      const plans = (plan.plansOf.get(r.to) ?? []).map((p) => (plan.nodes.find((n) => n.id === p)!.create[1] as { name: string }).name).sort();
      const want = pageKey(r.from, taskKey({ id: r.to, order: task.order?.toNumber(), number: task.number, plan: plans[0] ?? null }));
      expect((r.create[6] as { pageKey?: string }).pageKey).toBe(want);
    }
  });

  it('reads no key from the graph when the write created every task and plan, and the others\' when not', () => {
    const plan = planWrite([a, b]);
    const none = new Map<string, string | null>();
    expect(pageKeysToRecheck(plan, new Set(plan.nodes.map((n) => n.id)), none)).toEqual([]);
    const task = plan.pageKeyIds[0]!;
    const [planId] = plan.plansOf.get(task) ?? [];
    expect(planId).toBeDefined();
    const inPlan = plan.pageKeyIds.filter((id) => plan.plansOf.get(id)?.includes(planId!));
    const withoutPlan = new Set(plan.nodes.map((n) => n.id).filter((id) => id !== planId));
    // The plan was there: its tasks are keyed from their facts only when its stored name is the documents'.
    expect(pageKeysToRecheck(plan, withoutPlan, none)).toEqual(inPlan);
    expect(pageKeysToRecheck(plan, withoutPlan, new Map([[planId!, 'another name']]))).toEqual(inPlan);
    expect(pageKeysToRecheck(plan, withoutPlan, new Map([[planId!, plan.planNames.get(planId!) ?? null]]))).toEqual([]);
    expect(pageKeysToRecheck(plan, new Set(), none)).toEqual(plan.pageKeyIds);
  });
});
