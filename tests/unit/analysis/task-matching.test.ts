import { describe, expect, it } from 'vitest';
import {
  agencyMovements, atThreshold, contentTokens, cosine, matchAllPairs, matchTasks, similarityMatrix, taskContent, tfidfVectors, type MatchTask,
} from '../../../server/analysis/task-matching.ts';
import { RESP_A, RESP_B, YEAR_A, YEAR_B } from '../../fixtures/analysis/task-lists.ts';

const ids = (r: { matches: { from: string; to: string }[] }) => r.matches.map((m) => `${m.from}>${m.to}`);

describe('what a task is compared by', () => {
  it('leaves out the item marker and the printed responsibility list, and keeps the title once', () => {
    expect(taskContent(YEAR_A[0]!)).toBe('建设5G网络。加快5G基站建设,建成5G基站3000个以上,推进千兆光网覆盖。 ');
    expect(taskContent({ title: '加强统筹协调', text: '(一)加强统筹协调\n\n市政府建立督促协调机制。〔牵头单位:市发改委;配合单位:市财政局〕' })).toBe('加强统筹协调\n\n市政府建立督促协调机制。 ');
    // A bracket that is part of the sentence stays.
    expect(taskContent({ title: '建设平台', text: '建设平台(二期)。' })).toBe('建设平台(二期)。');
    expect(taskContent({ title: '办好峰会', text: '充分发挥峰会作用。' })).toBe('办好峰会。充分发挥峰会作用。');
  });

  it('cuts Han runs into bigrams, keeps a lone character and Latin words, and drops bare numbers', () => {
    expect(contentTokens('建设5G基站3000个,IPv6覆盖。云')).toEqual(['建设', '5g', '基站', '个', 'ipv6', '覆盖', '云']);
  });

  it('gives two tasks that share only their responsible agencies no similarity', () => {
    const a: MatchTask = { id: 'x', title: '办好马拉松赛事', text: '举办城市马拉松。(责任单位:市大数据委、市公安局)' };
    const b: MatchTask = { id: 'y', title: '发展低空经济', text: '开展无人机物流试点。(责任单位:市大数据委、市公安局)' };
    expect(similarityMatrix([a], [b])[0]![0]).toBe(0);
  });

  it('weights the genre\'s stock words below a task\'s own subject', () => {
    const [v] = tfidfVectors([['推进', '区块'], ['推进', '城市'], ['推进', '马拉']]);
    // Term ids follow the sorted tokens: 区块 (0) < 城市 < 推进 (2) < 马拉.
    expect(Array.from(v!.terms)).toEqual([0, 2]);
    expect(v!.weights[0]!).toBeGreaterThan(v!.weights[1]!);
    expect(cosine(v!, v!)).toBeCloseTo(1, 10);
  });
});

describe('matching one year\'s tasks to the next', () => {
  const result = matchTasks(YEAR_A, YEAR_B, 0.15);

  it('finds the renamed, the reworded and the nearly unchanged task', () => {
    expect(ids(result)).toEqual(expect.arrayContaining(['a1>b1', 'a2>b2', 'a3>b3']));
    // Renamed: the body is the same, so the score stays high although no title bigram is shared.
    expect(result.matches.find((m) => m.from === 'a1')!.score).toBeGreaterThan(0.8);
  });

  it('gives a split task one counterpart and marks the other half new, with the split task as its nearest', () => {
    expect(ids(result)).toContain('a5>b4');
    expect(result.added).toContain('b5');
    expect(result.nearest.b5).toEqual({ id: 'a5', score: expect.any(Number) });
    expect(result.nearest.b5!.score).toBeGreaterThan(0.15);
  });

  it('marks the dropped and the new task and matches nothing else', () => {
    expect(result.matches).toHaveLength(4);
    expect(result.dropped).toEqual(['a4']);
    expect(result.added).toEqual(['b5', 'b6']);
    expect(result.nearest.a4!.score).toBeLessThan(0.15);
  });

  it('never gives a task two counterparts', () => {
    const loose = matchTasks(YEAR_A, YEAR_B, 0);
    expect(new Set(loose.matches.map((m) => m.from)).size).toBe(loose.matches.length);
    expect(new Set(loose.matches.map((m) => m.to)).size).toBe(loose.matches.length);
    expect(loose.matches.length + loose.dropped.length).toBe(YEAR_A.length);
    expect(loose.matches.length + loose.added.length).toBe(YEAR_B.length);
  });
});

describe('the threshold', () => {
  const scores = similarityMatrix(YEAR_A, YEAR_B).flatMap((row) => Array.from(row)).filter((s) => s > 0).sort((a, b) => a - b);

  it('keeps fewer matches as it rises, and only ever removes the weakest ones', () => {
    let previous = matchTasks(YEAR_A, YEAR_B, 0);
    for (const t of [0.05, 0.1, 0.3, 0.55, 0.65, 0.7, 0.9]) {
      const now = matchTasks(YEAR_A, YEAR_B, t);
      expect(now.matches.length).toBeLessThanOrEqual(previous.matches.length);
      // Monotone: the matches at a higher threshold are the lower threshold's matches that reach it.
      expect(now.matches).toEqual(previous.matches.filter((m) => m.score >= t));
      previous = now;
    }
  });

  it('drops a match exactly when the threshold passes its score', () => {
    const a2 = matchTasks(YEAR_A, YEAR_B, 0).matches.find((m) => m.from === 'a2')!;
    expect(ids(matchTasks(YEAR_A, YEAR_B, a2.score))).toContain('a2>b2');
    expect(ids(matchTasks(YEAR_A, YEAR_B, a2.score + 0.0001))).not.toContain('a2>b2');
  });

  it('at 1 matches only identical tasks, and at 0 every pair that shares a word', () => {
    expect(matchTasks(YEAR_A, YEAR_B, 1).matches).toEqual([]);
    expect(matchTasks(YEAR_A, [YEAR_A[1]!], 1).matches).toEqual([{ from: 'a2', to: 'a2', score: 1 }]);
    expect(matchTasks(YEAR_A, YEAR_B, 0).matches).toHaveLength(5);
    expect(scores[0]).toBeGreaterThan(0);
  });

  it('is refused outside 0…1', () => {
    expect(() => matchTasks(YEAR_A, YEAR_B, 1.5)).toThrow(/between 0 and 1/);
    expect(() => matchTasks(YEAR_A, YEAR_B, Number.NaN)).toThrow(/between 0 and 1/);
  });
});

describe('the threshold-free matching a year pair is cached as', () => {
  const renamed = (tasks: MatchTask[], tag: string) => tasks.map((t) => ({ ...t, id: `${t.id}${tag}` }));
  // The fixture both ways, and a crowded pair where every subject appears twice on each side, so many pairs
  // compete for one counterpart and a threshold between them decides who is left over.
  const fixtures: [string, MatchTask[], MatchTask[]][] = [
    ['the two years', YEAR_A, YEAR_B],
    ['the two years backwards', YEAR_B, YEAR_A],
    ['two crowded lists', [...renamed(YEAR_A, '-1'), ...renamed(YEAR_B, '-1')], [...renamed(YEAR_B, '-2'), ...renamed(YEAR_A, '-2')]],
  ];

  for (const [name, from, to] of fixtures) {
    it(`answers every threshold on ${name} exactly as matching at that threshold does`, () => {
      const all = matchAllPairs(from, to);
      // Every score the pair holds, and just above and below each, where a cut-off could go wrong.
      const scores = similarityMatrix(from, to).flatMap((row) => Array.from(row, (s) => Math.round(s * 10_000) / 10_000));
      const thresholds = [...new Set([0, 0.05, 0.15, 0.3, 0.5, 0.75, 1, ...scores.flatMap((s) => [s, s - 0.0001, s + 0.0001])])]
        .filter((t) => t >= 0 && t <= 1);
      expect(thresholds.length).toBeGreaterThan(10);
      for (const t of thresholds) expect(atThreshold(all, t)).toEqual(matchTasks(from, to, t));
    });
  }

  it('keeps every counterpart that shares a word, and refuses a threshold outside 0…1', () => {
    const all = matchAllPairs(YEAR_A, YEAR_B);
    expect(all.matches).toEqual(matchTasks(YEAR_A, YEAR_B, 0).matches);
    expect(all.matches.every((m) => m.score > 0)).toBe(true);
    expect(() => atThreshold(all, -0.1)).toThrow(/between 0 and 1/);
  });
});

describe('determinism', () => {
  it('scores through the inverted index exactly as the pairwise cosine does', () => {
    const vectors = tfidfVectors([...YEAR_A, ...YEAR_B].map((t) => contentTokens(taskContent(t))));
    const matrix = similarityMatrix(YEAR_A, YEAR_B);
    YEAR_A.forEach((_, i) => YEAR_B.forEach((__, j) => expect(matrix[i]![j]).toBe(cosine(vectors[i]!, vectors[YEAR_A.length + j]!))));
  });

  it('gives the same answer, to the bit, on every run', () => {
    const runs = Array.from({ length: 3 }, () => JSON.stringify(matchTasks(YEAR_A, YEAR_B, 0.1)));
    expect(new Set(runs).size).toBe(1);
  });

  it('pairs the same tasks whichever list comes first', () => {
    const forward = matchTasks(YEAR_A, YEAR_B, 0.1).matches.map((m) => `${m.from}>${m.to}:${m.score}`).sort();
    const backward = matchTasks(YEAR_B, YEAR_A, 0.1).matches.map((m) => `${m.to}>${m.from}:${m.score}`).sort();
    expect(backward).toEqual(forward);
  });

  it('chooses the same pairs as sorting every scored pair and taking them best first, ties included', () => {
    // Many equal scores: tasks repeat, so rows and columns compete for the same counterparts.
    const subjects = ['建设城市大脑', '推进5G基站建设', '完善数据共享机制', '发展数字农业', '建设城市大脑平台'];
    const list = (prefix: string, n: number, shift: number): MatchTask[] => Array.from({ length: n }, (_, k) => {
      const subject = subjects[(k * 3 + shift) % subjects.length]!;
      return { id: `${prefix}${k}`, title: subject, text: `${subject}。${k % 2 ? '持续推进' : ''}` };
    });
    const from = [...YEAR_A, ...list('a', 23, 0)];
    const to = [...YEAR_B, ...list('b', 19, 2)];
    const scores = similarityMatrix(from, to);
    for (const threshold of [0, 0.1, 0.3]) {
      const pairs = scores.flatMap((row, i) => [...row].map((s, j) => ({ i, j, s }))).filter((p) => p.s > 0 && Math.round(p.s * 10_000) / 10_000 >= threshold)
        .sort((a, b) => b.s - a.s || a.i - b.i || a.j - b.j);
      const takenFrom = new Set<number>();
      const takenTo = new Set<number>();
      const expected: string[] = [];
      for (const p of pairs) {
        if (takenFrom.has(p.i) || takenTo.has(p.j)) continue;
        takenFrom.add(p.i);
        takenTo.add(p.j);
        expected.push(`${from[p.i]!.id}>${to[p.j]!.id}`);
      }
      expect(ids(matchTasks(from, to, threshold)).sort()).toEqual(expected.sort());
    }
  });

  it('breaks a tie by printed order', () => {
    const t = (id: string): MatchTask => ({ id, title: '建设城市大脑', text: '建设城市大脑。' });
    expect(matchTasks([t('x1'), t('x2')], [t('y1'), t('y2')], 0.5).matches.map((m) => `${m.from}>${m.to}`)).toEqual(['x1>y1', 'x2>y2']);
  });
});

describe('how an agency\'s responsibilities moved', () => {
  const moves = agencyMovements(matchTasks(YEAR_A, YEAR_B, 0.15), RESP_A, RESP_B);
  const of = (name: string) => moves.find((m) => m.name === name)!;

  it('counts a task the agency keeps as continued', () => {
    expect(of('市大数据委')).toMatchObject({ continued: [{ from: 'a2', to: 'b2' }, { from: 'a3', to: 'b3' }], dropped: [], added: [] });
    expect(of('市工信局').continued).toEqual([{ from: 'a1', to: 'b1' }]);
  });

  it('tells a dropped task from one carried on without the agency', () => {
    expect(of('市体育局').dropped).toEqual([{ task: 'a4', handedOver: false }]);
    expect(of('市公安局').dropped).toEqual([{ task: 'a3', handedOver: true }]);
  });

  it('tells a new task from a continued one the agency takes on', () => {
    expect(of('市发改委').added).toEqual([{ task: 'b6', takenOver: false }]);
    expect(of('市金融办').added).toEqual([{ task: 'b2', takenOver: true }]);
    // Split: 市教育局's task went to 市卫健委's half; its own half is new.
    expect(of('市教育局')).toMatchObject({ continued: [], dropped: [{ task: 'a5', handedOver: true }], added: [{ task: 'b5', takenOver: false }] });
  });

  it('lists the agencies with the most tasks first, then by name', () => {
    expect(moves[0]!.name).toBe('市大数据委');
    const sizes = moves.map((m) => m.continued.length + m.dropped.length + m.added.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });
});
