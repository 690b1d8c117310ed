/*
 * npm run bench:ui — the browser side under load, in headless Chromium against the real app (server/server.ts
 * with an embedded Neo4j on a temporary folder and a free port). A synthetic benchmark graph (tree-shaped:
 * n nodes, n−1 edges, labels like the corpus) is written straight to Neo4j, because the point is to time
 * drawing, not extraction. Reports: time to first graph after page load (opening a shared link), time to
 * fetch + draw + lay out 1,000- and 5,000-node subgraphs through query mode, and the frame time while panning
 * at 5,000 nodes, each with the renderer that drew it (BENCH_UI_RENDERER=webgl|canvas forces one).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { loadConfig } from '../server/config.ts';
import { startEmbeddedNeo4j } from '../server/neo4j/embedded-neo4j.ts';
import { CLIENT_DIR, start } from '../server/server.ts';
import { ROOT_DIR } from '../server/version.ts';
import { encodeView } from '../client/src/share/view-codec.ts';

const TOTAL = Number(process.env.BENCH_UI_NODES ?? 6000);
const LABELS = ['Task', 'Agency', 'Plan', 'Park', 'Platform', 'Indicator', 'District', 'Company'];
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'];

const log = (s: string) => process.stderr.write(`${s}\n`);

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ui-'));
  const neo = await startEmbeddedNeo4j({ dataDir, boltPort: 0, heap: '1g', pageCache: '256m', log: () => {} });
  let stopApp: (() => Promise<void>) | undefined;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    log(`Embedded Neo4j ${neo.version} on ${neo.uri}; building the client…`);
    fs.rmSync(CLIENT_DIR, { recursive: true, force: true });
    const { build } = await import('vite');
    await build({ configFile: path.join(ROOT_DIR, 'vite.config.ts'), logLevel: 'warn' });
    const config = loadConfig({
      PORT: '0', HOST: '127.0.0.1', NEO4J_URI: neo.uri, NEO4J_PASSWORD: neo.password, LOAD_SEEDS_ON_START: 'false',
      CYPHER_MAX_ROWS: '100000', CYPHER_MAX_RESPONSE_BYTES: String(64 * 1024 * 1024), CYPHER_TIMEOUT_MS: '60000',
    });
    const app = await start(config, {
      log: () => {},
      buildClient: true,
      beforeListen: async (db) => {
        const rows = Array.from({ length: TOTAL }, (_, i) => ({ seq: i, id: `bench:${i}`, name: `节点 ${i}`, label: LABELS[i % LABELS.length]! }));
        for (let i = 0; i < rows.length; i += 2000) {
          await db.write('UNWIND $rows AS r CREATE (n:Entity:Bench {id: r.id, name: r.name, seq: r.seq, benchLabel: r.label})', { rows: rows.slice(i, i + 2000) });
        }
        await db.write('CREATE INDEX bench_seq IF NOT EXISTS FOR (n:Bench) ON (n.seq)');
        await db.write('CALL db.awaitIndexes()');
        await db.write('MATCH (c:Bench) WHERE c.seq > 0 MATCH (p:Bench {seq: (c.seq - 1) / 3}) CREATE (p)-[:HAS_TASK {evidenceTexts: []}]->(c)');
      },
    });
    stopApp = app.stop;
    log(`App on ${app.url} with ${TOTAL} benchmark nodes.`);

    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
    // tsx compiles with keepNames, which wraps functions passed to page.evaluate in a __name() helper
    // that does not exist in the page; a no-op stand-in keeps those callbacks working.
    await context.addInitScript('window.__name = (f) => f;');
    const page = await context.newPage();
    page.on('pageerror', (e) => log(`pageerror: ${e.message}`));

    // 1. First graph after page load: a shared link of 40 nodes, from navigation start to nodes drawn.
    const token = await encodeView({ nodes: Array.from({ length: 40 }, (_, i) => ({ id: `bench:${i}`, x: (i % 8) * 120, y: Math.floor(i / 8) * 120 })), caption: '', zoom: null, pan: null, selected: null, layout: null });
    // BENCH_UI_RENDERER=webgl|canvas forces the large view's renderer; the default is the product's 'auto'.
    const renderer = process.env.BENCH_UI_RENDERER ? `?renderer=${encodeURIComponent(process.env.BENCH_UI_RENDERER)}` : '';
    await page.goto(`${app.url}/${renderer}#view=${token}`);
    await page.waitForFunction(() => (window.__app?.cy.nodes().length ?? 0) > 0, undefined, { timeout: 60_000 });
    const firstGraphMs = await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now())))));
    const webgl2 = await page.evaluate(() => !!document.createElement('canvas').getContext('webgl2'));

    await page.click('button[data-mode="query"]');
    await page.waitForSelector('#qm-editor .cm-content');
    const subgraph = async (n: number) => page.evaluate(async (count) => {
      const c = window.__console!;
      const store = window.__app!.store;
      store.dispatch('bench', (s) => ({ query: { ...s.query, text: 'MATCH (n:Bench) WHERE n.seq < $n OPTIONAL MATCH (n)-[r]->(m:Bench) WHERE m.seq < $n RETURN collect(DISTINCT n) AS nodes, collect(r) AS rels', params: { n: String(count) } } }));
      const t0 = performance.now();
      await c.query.runCypher();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const total = performance.now() - t0;
      const q = store.get().query;
      const large = c.large.last();
      return {
        nodes: q.result?.graph.nodes.length ?? 0,
        edges: q.result?.graph.edges.length ?? 0,
        serverMs: q.result?.ms ?? 0,
        totalMs: Math.round(total),
        renderer: large ? large.renderer : 'canvas',
        view: large ? 'large-graph view' : 'main canvas',
        drawMs: large?.drawMs ?? null,
        layoutMs: large?.layoutMs ?? null,
        drawn: large ? large.drawn : window.__app!.cy.elements().length,
        error: q.error?.message ?? null,
      };
    }, n);
    const r1k = await subgraph(1000);
    log(`1,000: ${JSON.stringify(r1k)}`);
    const r5k = await subgraph(5000);

    // 3. Panning at 5,000 nodes: 120 rAF-driven pan steps on the instance that drew them.
    const pan = await page.evaluate(() => new Promise<{ avgMs: number; p95Ms: number; frames: number }>((resolve) => {
      const cy = window.__console!.large.cy() ?? window.__app!.cy;
      const times: number[] = [];
      let last = performance.now();
      let i = 0;
      const step = () => {
        const now = performance.now();
        if (i > 0) times.push(now - last);
        last = now;
        cy.panBy({ x: i % 60 < 30 ? 12 : -12, y: 4 });
        if (++i <= 120) requestAnimationFrame(step);
        else {
          times.sort((a, b) => a - b);
          resolve({ avgMs: Math.round((times.reduce((a, b) => a + b, 0) / times.length) * 10) / 10, p95Ms: Math.round(times[Math.floor(times.length * 0.95)]! * 10) / 10, frames: times.length });
        }
      };
      requestAnimationFrame(step);
    }));
    await page.screenshot({ path: path.join(os.tmpdir(), 'bench-ui-5k.png') });

    const report = {
      chromium: browser.version(),
      webgl2,
      firstGraphAfterLoadMs: Math.round(firstGraphMs),
      subgraph1000: r1k,
      subgraph5000: r5k,
      panAt5000: { ...pan, renderer: r5k.renderer },
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await browser.close();
    await stopApp?.();
    await neo.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
