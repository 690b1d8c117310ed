/*
 * Warming after a restart of the supervised embedded Neo4j: a new JVM starts with an empty plan cache, so the
 * app plans the hot statements again (in the background: it is serving by then), as it did before listening.
 * Its own JVM in a temporary DATA_DIR, since the test restarts it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { warmStatements } from '../../server/graph/warm-plans.ts';
import { start, type RunningServer } from '../../server/server.ts';
import { EMBEDDED_START_BUDGET_MS } from '../setup/start-budget.ts';
import { supervisedAppConfig } from '../setup/supervised-app.ts';

let app: RunningServer | undefined;
const logLines: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-graph-rewarm-'));
const planned = () => logLines.filter((l) => l.startsWith('Planned '));

beforeAll(async () => {
  app = await start({ ...supervisedAppConfig(dataDir), warmPlansOnStart: true }, { log: (l) => logLines.push(l) });
}, 2 * EMBEDDED_START_BUDGET_MS);

afterAll(async () => {
  await app?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('the plans of a restarted embedded Neo4j', () => {
  it('are made again once the new JVM is up, every statement cleanly', async () => {
    const expected = `Planned ${warmStatements().length} hot statements in`;
    await app!.warmed;
    expect(planned()).toEqual([expect.stringMatching(new RegExp(`^${expected} \\d+\\.\\d s\\.$`))]);
    await app!.connection.embedded!.restart('a test asked');
    await vi.waitFor(() => expect(planned()).toHaveLength(2), { timeout: 2 * EMBEDDED_START_BUDGET_MS, interval: 200 });
    expect(planned()[1]).toMatch(new RegExp(`^${expected} \\d+\\.\\d s\\.$`));
  }, 4 * EMBEDDED_START_BUDGET_MS);
});
