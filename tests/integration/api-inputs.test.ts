/*
 * Nothing a user sends produces a 500. A property-based test over every route the OpenAPI registry lists
 * (so a new route is covered the day it is added): random, oversized and malformed path and query values,
 * unknown and repeated query fields, and random JSON bodies, against the real app and the real embedded
 * Neo4j. Seeded and bounded, so a failure is reproducible; fast-check prints the shrunk request.
 * Beside it, the probes of issue 18 as plain examples: bad percent-encoding, an unknown Content-Encoding,
 * a foreign Host header and a formula in the CSV export.
 */
import http from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/server.ts';
import { CHANGLE, loadFixtureGraph, PLAN_DOC } from '../fixtures/graph/fixture-graph.ts';
import { startTestApp } from './helpers.ts';

interface Parameter { name: string; in: 'path' | 'query'; required: boolean; schema: { type?: string; enum?: string[]; default?: unknown } }
interface Operation { method: string; path: string; parameters: Parameter[]; body: boolean }
interface Sent { method: string; path: string; headers: Record<string, string>; body?: string }
interface Answer { status: number; type: string; body: string }

/** API_FUZZ_SEED and API_FUZZ_RUNS widen a local hunt; the suite always runs the same seeded, bounded set. */
const SEED = Number(process.env.API_FUZZ_SEED ?? 18);
const RUNS = Number(process.env.API_FUZZ_RUNS ?? 60);

let app: RunningServer;
let port: number;
let operations: Operation[];
let queryNames: string[];
let queryParams: string[];

function send(r: Sent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: r.method, path: r.path, headers: { host: `127.0.0.1:${port}`, ...r.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(r.body);
  });
}

/** Text that is awkward for a server: control and white-space characters, lone surrogates, escapes, sizes. */
const hostile = (): fc.Arbitrary<string> => fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '\t', '%', '%FF', '%E4%B8', '%00', '%2F', '..', '../../etc/passwd', '\u0000', '\ud800', '\u001c', '\u2028',
    'null', 'undefined', 'true', '-1', '0', '1e309', 'NaN', 'Infinity', '9'.repeat(400), '长乐区政府', CHANGLE, `document:${PLAN_DOC}`,
    '[]', '{}', '<script>alert(1)</script>', "'", '"', '\\', '`', 'a,b,,c', ',,,', 'Entity,Agency', 'RESPONSIBLE_FOR', '*', '$x', '{{x}}'),
  fc.integer().map(String),
  fc.bigInt().map(String),
  fc.double().map(String),
  fc.string({ minLength: 300, maxLength: 3000 }),
  fc.constantFrom('x'.repeat(5000), '长'.repeat(2000), '%'.repeat(3000)),
);

/** A value for one parameter: one the schema allows (so the route's service runs) or a hostile one. */
const valueFor = (p: Parameter): fc.Arbitrary<string> => fc.oneof(
  { weight: 2, arbitrary: hostile() },
  { weight: 1, arbitrary: p.schema.enum ? fc.constantFrom(...p.schema.enum) : p.name === 'name' ? fc.constantFrom(...queryNames) : fc.constantFrom(CHANGLE, PLAN_DOC, '5', '1', '0', '200', 'Agency', 'out') },
);

/** Lone surrogates as U+FFFD: they cannot be percent-encoded or sent as UTF-8 at all. */
const wellFormed = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** How a value travels in the URL: percent-encoded (lone surrogates as U+FFFD), or raw ASCII with its % left alone. */
const inUrl = (v: string, raw: boolean): string =>
  raw ? v.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(wellFormed(c))).replace(/[#?&/]/g, encodeURIComponent) : encodeURIComponent(wellFormed(v));

const jsonBody = (): fc.Arbitrary<unknown> => fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({ params: fc.dictionary(fc.oneof(fc.constantFrom(...queryParams), fc.string()), fc.oneof(hostile(), fc.jsonValue({ maxDepth: 3 }))) }, { requiredKeys: [] }),
  fc.record({ query: hostile(), params: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })) }, { requiredKeys: ['query'] }),
  fc.integer({ min: 1, max: 3000 }).map((depth) => ({ params: { x: JSON.parse(`${'['.repeat(depth)}1${']'.repeat(depth)}`) as unknown } })),
);

const bodyText = (): fc.Arbitrary<{ text: string; type: string }> => fc.oneof(
  { weight: 4, arbitrary: jsonBody().map((v) => ({ text: JSON.stringify(v) ?? 'null', type: 'application/json' })) },
  { weight: 1, arbitrary: hostile().map((text) => ({ text, type: 'application/json' })) },
  { weight: 1, arbitrary: fc.tuple(hostile(), fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'multipart/form-data'))
    .map(([text, type]) => ({ text, type })) },
);

function requestFor(op: Operation): fc.Arbitrary<Sent> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParamsOf = op.parameters.filter((p) => p.in === 'query');
  return fc.record({
    path: fc.tuple(...pathParams.map((p) => fc.tuple(valueFor(p), fc.boolean()))),
    query: fc.tuple(...queryParamsOf.map((p) => fc.option(fc.tuple(valueFor(p), fc.boolean(), fc.boolean())))),
    extra: fc.option(fc.tuple(hostile(), hostile())),
    body: op.body ? fc.option(bodyText(), { freq: 8 }) : fc.constant(null),
  }).map(({ path, query, extra, body }) => {
    let url = `/api${op.path}`;
    pathParams.forEach((p, i) => {
      const [v, raw] = path[i]!;
      url = url.replace(`{${p.name}}`, inUrl(v, raw) || '%20');
    });
    const pairs: string[] = [];
    queryParamsOf.forEach((p, i) => {
      const q = query[i];
      if (!q) return;
      const [v, raw, twice] = q;
      pairs.push(`${p.name}=${inUrl(v, raw)}`);
      if (twice) pairs.push(`${p.name}=${inUrl(v, raw)}`);
    });
    if (extra) pairs.push(`${inUrl(extra[0], false)}=${inUrl(extra[1], false)}`);
    const headers: Record<string, string> = {};
    if (body) headers['content-type'] = body.type;
    return { method: op.method.toUpperCase(), path: pairs.length ? `${url}?${pairs.join('&')}` : url, headers, ...(body ? { body: wellFormed(body.text) } : {}) };
  });
}

beforeAll(async () => {
  app = await startTestApp({ CYPHER_RATE_LIMIT_PER_MINUTE: '1000000' });
  port = app.port;
  await loadFixtureGraph(app.db);
  const doc = await (await fetch(`${app.url}/api/openapi.json`)).json() as { paths: Record<string, Record<string, { parameters: Parameter[]; requestBody?: unknown }>> };
  operations = Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).map(([method, op]) => ({
    method, path: p.replace(/^\/api/, ''), parameters: op.parameters, body: op.requestBody !== undefined,
  })));
  const queries = (await (await fetch(`${app.url}/api/queries`)).json() as { queries: { name: string; params: { name: string }[] }[] }).queries;
  queryNames = queries.map((q) => q.name);
  queryParams = [...new Set(queries.flatMap((q) => q.params.map((p) => p.name)))];
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

describe('every API route, given random, oversized and malformed input', () => {
  it('lists the routes it covers from the OpenAPI registry, with and without parameters', () => {
    expect(operations.length).toBeGreaterThanOrEqual(14);
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(expect.arrayContaining(['get /nodes/{id}', 'post /queries/{name}', 'post /cypher', 'get /export']));
  });

  it('never answers 500: every refusal is a 4xx with a JSON reason', async () => {
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(requestFor(op), async (r) => {
          const a = await send(r);
          if (a.status >= 500) throw new Error(`${a.status} for ${JSON.stringify(r).slice(0, 2000)}: ${a.body.slice(0, 500)}`);
          if (a.status >= 400 && a.type.includes('json')) {
            const e = (JSON.parse(a.body) as { error?: { code?: unknown; message?: unknown } }).error;
            if (typeof e?.code !== 'string' || typeof e.message !== 'string') throw new Error(`${a.status} without {error: {code, message}}: ${a.body.slice(0, 300)}`);
          }
        }),
        { seed: SEED, numRuns: RUNS },
      );
    }
  }, 900_000);

  it('never answers 500 to another method, a path outside the registry or an odd header either', async () => {
    const paths = fc.oneof(
      fc.constantFrom(...operations.map((o) => `/api${o.path.replace(/\{\w+\}/g, encodeURIComponent(CHANGLE))}`)),
      fc.tuple(fc.constantFrom('/', '/api/', '/api/nodes/', '/index.html', '/assets/'), hostile(), fc.boolean()).map(([p, v, raw]) => `${p}${inUrl(v, raw)}`),
    );
    const headers = fc.dictionary(
      fc.constantFrom('content-type', 'content-encoding', 'accept', 'accept-encoding', 'range', 'if-none-match', 'if-modified-since', 'x-forwarded-for', 'origin', 'transfer-encoding'),
      fc.oneof(hostile(), fc.constantFrom('gzip', 'br', 'identity', 'bytes=0-1', 'bytes=9-1,5-', '*/*', 'application/json', 'chunked')).map((v) => wellFormed(v).replace(/[^\x20-\x7e]/g, '')),
      { maxKeys: 3 },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'), paths, headers, fc.option(hostile()), async (method, path, hdrs, body) => {
        const r: Sent = { method, path, headers: hdrs, ...(body !== null && method !== 'GET' && method !== 'HEAD' ? { body: wellFormed(body) } : {}) };
        if (r.headers['transfer-encoding'] !== undefined || r.body === undefined) delete r.headers['transfer-encoding'];
        const a = await send(r).catch((e: unknown) => ({ status: 0, type: '', body: String(e) }));
        if (a.status >= 500) throw new Error(`${a.status} for ${JSON.stringify(r).slice(0, 2000)}: ${a.body.slice(0, 500)}`);
      }),
      { seed: SEED, numRuns: RUNS * 5 },
    );
  }, 900_000);
});

describe('the probes of issue 18', () => {
  it('answers a path that is not valid percent-encoding with 400 and a reason', async () => {
    const a = await send({ method: 'GET', path: '/api/nodes/%FF', headers: {} });
    expect(a.status).toBe(400);
    expect(JSON.parse(a.body).error.message).toMatch(/not valid percent-encoding/);
  });

  it('answers an unknown Content-Encoding with 400 naming it', async () => {
    const a = await send({ method: 'POST', path: '/api/cypher', headers: { 'content-type': 'application/json', 'content-encoding': 'compress' }, body: '{"query":"RETURN 1"}' });
    expect(a.status).toBe(400);
    expect(JSON.parse(a.body).error.message).toContain("Content-Encoding 'compress' is not supported");
  });

  it('answers a Host name it is not known by with 421, so a DNS-rebinding page gets nothing', async () => {
    for (const path of ['/api/health', '/api/export?format=csv', '/']) {
      const a = await send({ method: 'GET', path, headers: { host: `rebind.example:${port}` } });
      expect([path, a.status]).toEqual([path, 421]);
    }
    expect((await send({ method: 'GET', path: '/api/health', headers: { host: `localhost:${port}` } })).status).toBe(200);
  });

  it('exports a name that starts like a number but is a formula as text in CSV', async () => {
    await app.db.write("MERGE (n:Entity:Company {id: 'company:formula'}) SET n.name = '-1+HYPERLINK(\"http://x\",\"y\")', n.aliases = []");
    const a = await send({ method: 'GET', path: `/api/export?format=csv&part=nodes&ids=${encodeURIComponent('company:formula')}`, headers: {} });
    expect(a.status).toBe(200);
    expect(a.body.split('\r\n')[1]).toBe(`company:formula,Company,"'-1+HYPERLINK(""http://x"",""y"")",[]`);
  });
});
