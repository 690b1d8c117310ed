// The DNS-rebinding guard and the errors Express raises before a route runs, on a bare Express app with
// the real middleware (no database needed): each answer is a 4xx with a reason, never a 500.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMiddleware } from '../../../server/api/error-middleware.ts';
import { hostCheck, parseHostHeader } from '../../../server/api/host-check.ts';

interface Answer { status: number; body: string }

function request(port: number, opts: { path?: string; host?: string; method?: string; headers?: Record<string, string>; body?: Buffer }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port, path: opts.path ?? '/api/x', method: opts.method ?? 'GET',
      headers: { host: opts.host ?? `127.0.0.1:${port}`, ...opts.headers },
    }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

async function serve(config: { host: string; allowedHosts: string[] }): Promise<{ port: number; close: () => void }> {
  const app = express();
  app.use(hostCheck(config));
  app.use(express.json());
  app.get('/api/nodes/:id', (req, res) => res.json({ id: req.params.id }));
  app.post('/api/echo', (req, res) => res.json(req.body));
  app.get('/api/x', (_req, res) => res.json({ ok: true }));
  app.use(errorMiddleware(() => {}));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

describe('the Host header check', () => {
  let loopback: Awaited<ReturnType<typeof serve>>;
  let named: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    loopback = await serve({ host: '127.0.0.1', allowedHosts: [] });
    named = await serve({ host: '127.0.0.1', allowedHosts: ['graph.example.org', 'planner-pc:8080'] });
  });
  afterAll(() => {
    loopback.close();
    named.close();
  });

  it('answers the loopback names with the port the server listens on', async () => {
    const p = loopback.port;
    for (const host of [`127.0.0.1:${p}`, `localhost:${p}`, `LOCALHOST:${p}`, `[::1]:${p}`]) {
      expect((await request(p, { host })).status, host).toBe(200);
    }
  });

  it('refuses a rebinding name, another port and a malformed Host with 421 and a reason', async () => {
    const p = loopback.port;
    for (const host of [`evil.example:${p}`, 'evil.example', `127.0.0.1:${p + 1}`, 'localhost', 'localhost:', `127.0.0.1:${p}@evil`, `127.0.0.2:${p}`]) {
      const r = await request(p, { host });
      expect(r.status, host).toBe(421);
      expect(JSON.parse(r.body).error).toMatchObject({ code: 'MISDIRECTED_REQUEST' });
      expect(JSON.parse(r.body).error.message).toContain('ALLOWED_HOSTS');
    }
  });

  it('answers the ALLOWED_HOSTS names, on any port or on the one given', async () => {
    const p = named.port;
    expect((await request(p, { host: 'graph.example.org' })).status).toBe(200);
    expect((await request(p, { host: 'Graph.Example.Org:443' })).status).toBe(200);
    expect((await request(p, { host: 'planner-pc:8080' })).status).toBe(200);
    expect((await request(p, { host: `planner-pc:${p}` })).status).toBe(421);
    expect((await request(p, { host: `127.0.0.1:${p}` })).status).toBe(200);
  });

  it('parses Host values with and without a port, IPv6 included', () => {
    expect(parseHostHeader('[::1]:3000')).toEqual({ name: '[::1]', port: 3000 });
    expect(parseHostHeader('Example.org.')).toEqual({ name: 'example.org', port: undefined });
    expect(parseHostHeader('a:b:c')).toBeUndefined();
  });
});

describe('errors raised before a route runs', () => {
  let app: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    app = await serve({ host: '127.0.0.1', allowedHosts: [] });
  });
  afterAll(() => app.close());

  it('answers a path that is not valid percent-encoding with 400 and a reason', async () => {
    for (const path of ['/api/nodes/%FF', '/api/nodes/%E4%B8', '/api/nodes/%']) {
      const r = await request(app.port, { path });
      expect(r.status, path).toBe(400);
      expect(JSON.parse(r.body).error.message, path).toMatch(/not valid percent-encoding/);
    }
    expect((await request(app.port, { path: '/api/nodes/%E9%95%BF' })).body).toBe('{"id":"长"}');
  });

  it('answers an unknown Content-Encoding with 400 naming it, and decodes gzip', async () => {
    const body = Buffer.from('{"a":1}');
    const json = { 'content-type': 'application/json' };
    const r = await request(app.port, { path: '/api/echo', method: 'POST', headers: { ...json, 'content-encoding': 'x-snappy' }, body });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.message).toBe("Content-Encoding 'x-snappy' is not supported: send the body uncompressed, gzip, deflate or br");
    const gz = await request(app.port, { path: '/api/echo', method: 'POST', headers: { ...json, 'content-encoding': 'gzip' }, body: zlib.gzipSync(body) });
    expect(gz).toEqual({ status: 200, body: '{"a":1}' });
    const broken = await request(app.port, { path: '/api/echo', method: 'POST', headers: { ...json, 'content-encoding': 'gzip' }, body });
    expect(broken.status).toBeGreaterThanOrEqual(400);
    expect(broken.status).toBeLessThan(500);
  });

  it('answers an unknown charset with 415 naming it', async () => {
    const r = await request(app.port, { path: '/api/echo', method: 'POST', headers: { 'content-type': 'application/json; charset=klingon' }, body: Buffer.from('{}') });
    expect(r.status).toBe(415);
    expect(JSON.parse(r.body).error.message).toContain("Charset 'klingon' is not supported");
  });
});
