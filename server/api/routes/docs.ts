/*
 * /api/openapi.json (generated from the routes' zod schemas) and /api/docs, a small self-contained
 * reader for it. No CDN (the machine may be offline) and no inline script (helmet's CSP is 'self'), so
 * the page loads its script from /api/docs.js.
 */
import { Router } from 'express';
import type { AppDeps } from '../app-deps.ts';
import { buildOpenApi, type ApiRegistry } from '../openapi.ts';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Policy graph explorer — API</title>
<style>
body{font:14px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:960px;padding:0 1rem;color:#222}
h1{font-size:1.4rem} h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ddd}
.op{margin:.8rem 0;padding:.6rem .8rem;border:1px solid #e3e3e3;border-radius:6px}
.m{display:inline-block;min-width:3.5rem;font-weight:600;text-transform:uppercase}
.get{color:#0a6} .post{color:#b60} code{background:#f4f4f4;padding:0 .25rem;border-radius:3px}
table{border-collapse:collapse;margin-top:.4rem} td,th{border:1px solid #eee;padding:.2rem .5rem;text-align:left;vertical-align:top}
pre{background:#f7f7f7;padding:.5rem;overflow:auto}
</style></head>
<body><h1>Policy graph explorer — API</h1>
<p>Machine-readable: <a href="openapi.json">/api/openapi.json</a>. Errors are always <code>{"error": {"code", "message", "details"}}</code>.</p>
<div id="ops">Loading…</div>
<script src="docs.js"></script>
</body></html>`;

const SCRIPT = `(async () => {
  const el = document.getElementById('ops');
  const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const doc = await (await fetch('openapi.json')).json();
  const byTag = {};
  for (const [path, ops] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(ops)) (byTag[op.tags[0]] ??= []).push({ path, method, op });
  let html = '';
  for (const [tag, ops] of Object.entries(byTag)) {
    html += '<h2>' + esc(tag) + '</h2>';
    for (const { path, method, op } of ops) {
      html += '<div class="op"><span class="m ' + method + '">' + method + '</span> <code>' + esc(path) + '</code> — ' + esc(op.summary);
      if (op.description) html += '<p>' + esc(op.description) + '</p>';
      if (op.parameters.length) {
        html += '<table><tr><th>parameter</th><th>in</th><th>schema</th><th>description</th></tr>';
        for (const p of op.parameters) html += '<tr><td><code>' + esc(p.name) + '</code>' + (p.required ? ' *' : '') + '</td><td>' + esc(p.in) + '</td><td><code>' + esc(JSON.stringify(Object.fromEntries(Object.entries(p.schema).filter(([k]) => k !== 'description')))) + '</code></td><td>' + esc(p.description) + '</td></tr>';
        html += '</table>';
      }
      if (op.requestBody) html += '<p>Body:</p><pre>' + esc(JSON.stringify(op.requestBody.content['application/json'].schema, null, 2)) + '</pre>';
      html += '<p>200: ' + esc(op.responses[200].description) + '</p></div>';
    }
  }
  el.innerHTML = html;
})().catch((e) => { document.getElementById('ops').textContent = 'Could not load the API description: ' + e; });
`;

export function docsRoutes(deps: AppDeps, registry: ApiRegistry): Router {
  const router = Router();
  let cached: string | undefined;
  registry.add({ method: 'get', path: '/openapi.json', tag: 'meta', summary: 'This API description (OpenAPI 3.1)', response: 'The OpenAPI document' });
  router.get('/openapi.json', (_req, res) => {
    cached ??= JSON.stringify(buildOpenApi(registry, deps.version));
    res.type('application/json').send(cached);
  });
  registry.add({ method: 'get', path: '/docs', tag: 'meta', summary: 'A readable page of this API description', response: 'HTML', produces: ['text/html'] });
  router.get('/docs', (_req, res) => {
    res.type('html').send(PAGE);
  });
  router.get('/docs.js', (_req, res) => {
    res.type('application/javascript').send(SCRIPT);
  });
  return router;
}
