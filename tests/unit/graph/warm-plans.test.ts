import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../server/errors.ts';
import { CYPHER_DIR, loadCypher, splitStatements } from '../../../server/graph/cypher-files.ts';
import { GraphDb } from '../../../server/graph/graph-db.ts';
import { curatedQueries } from '../../../server/graph/queries/curated.ts';
import { logWarmReport, warmPlans, warmStatements } from '../../../server/graph/warm-plans.ts';

const warmed = warmStatements();
const warmedTexts = new Set(warmed.map((s) => s.text));

/** The $parameters a statement uses, comment lines left out. */
function parametersOf(text: string): string[] {
  const code = text.split('\n').filter((l) => !/^\s*\/\//.test(l)).join('\n');
  return [...new Set([...code.matchAll(/\$([A-Za-z_]\w*)/g)].map((m) => m[1]!))].sort();
}

describe('the statements warmed at start', () => {
  it('include every statement of every cypher/api file, word for word as the services load them', () => {
    const files = fs.readdirSync(path.join(CYPHER_DIR, 'api')).filter((f) => f.endsWith('.cypher'));
    expect(files.length).toBeGreaterThan(20);
    const missing = files.flatMap((f) => {
      const text = loadCypher(`api/${f.replace(/\.cypher$/, '')}`).text;
      // neighbors-of-type is one statement per relationship type, sent one at a time (queries/nodes.ts).
      const statements = f === 'neighbors-of-type.cypher' ? splitStatements(text) : [text];
      return statements.filter((s) => !warmedTexts.has(s)).map((s) => `${f}: ${s.slice(0, 60)}`);
    });
    expect(missing).toEqual([]);
  });

  it('include every curated query and the totals companion of each that has one', () => {
    for (const [name, q] of curatedQueries()) {
      expect(warmedTexts.has(q.text), name).toBe(true);
      if (q.totals) expect(warmedTexts.has(q.totals), `totals of ${name}`).toBe(true);
    }
  });

  it('give each statement every parameter it uses, so the plan is cached for those parameter types', () => {
    const short = warmed.flatMap((s) => parametersOf(s.text).filter((p) => !(p in s.params)).map((p) => `${s.name}: $${p}`));
    expect(short).toEqual([]);
  });

  it('give ids and typed searches the string sizes the endpoints send (Neo4j caches a plan per size bucket)', () => {
    const search = warmed.filter((s) => s.name.startsWith('api/search'));
    expect(search.map((s) => s.params.pinyin)).toContain('');
    for (const s of search) expect(String(s.params.q).length).toBeGreaterThan(1);
    for (const s of search) expect(String(s.params.q).length).toBeLessThanOrEqual(10);
    const node = warmed.find((s) => s.name === 'api/node')!;
    expect(String(node.params.id).length).toBeGreaterThan(10);
  });
});

describe('warmPlans', () => {
  it('stops at the first statement when the database is unavailable, and says why', async () => {
    const driver = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', 'unused'));
    let asked = 0;
    const db = new GraphDb(driver, undefined, {
      refusal: () => {
        asked++;
        return new AppError(503, 'NEO4J_UNAVAILABLE', 'Neo4j is restarting');
      },
    });
    try {
      const report = await warmPlans(db, warmed, { concurrency: 1 });
      expect(report.planned).toBe(0);
      expect(report.failed).toEqual([]);
      expect(report.stopped).toBe('Neo4j is restarting');
      expect(asked).toBe(1);
    } finally {
      await driver.close();
    }
  });

  it('reports in one line what was planned, what was not and why warming stopped', () => {
    const lines: string[] = [];
    logWarmReport({ planned: 70, failed: [{ name: 'api/search', message: 'Invalid input' }], timings: [], ms: 4200 }, (l) => lines.push(l));
    logWarmReport({ planned: 0, failed: [], timings: [], stopped: 'Neo4j is restarting', ms: 3 }, (l) => lines.push(l));
    expect(lines).toEqual([
      'Planned 70 hot statements in 4.2 s; 1 did not plan (api/search).',
      'Planned 0 hot statements in 0.0 s; stopped early: Neo4j is restarting.',
    ]);
  });
});
