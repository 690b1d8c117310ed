/*
 * The OpenAPI document is generated from the same zod schemas the routes validate with, through a
 * small registry each router adds its routes to — so the published contract cannot drift from what the
 * server actually accepts. zod 4's z.toJSONSchema does the conversion.
 */
import { z } from 'zod';

export interface RouteSpec {
  method: 'get' | 'post' | 'delete';
  /** Express-style path under /api, e.g. /nodes/:id */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A multipart/form-data body of file parts under this field name (instead of a JSON body). */
  files?: { field: string; description: string };
  /** Request headers the route requires, by name, with what they mean. */
  headers?: Record<string, string>;
  /** What a 200 carries, in words (responses are documented by example shape in docs/api.md). */
  response: string;
  produces?: string[];
}

export class ApiRegistry {
  readonly routes: RouteSpec[] = [];
  add(spec: RouteSpec): void {
    this.routes.push(spec);
  }
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function parameters(schema: z.ZodObject | undefined, where: 'query' | 'path'): unknown[] {
  if (!schema) return [];
  const js = jsonSchema(schema) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
    schema: s,
  }));
}

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};

export function buildOpenApi(registry: ApiRegistry, version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of registry.routes) {
    const openPath = `/api${r.path.replace(/:(\w+)/g, '{$1}')}`;
    const op: Record<string, unknown> = {
      tags: [r.tag],
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      parameters: [
        ...parameters(r.params, 'path'), ...parameters(r.query, 'query'),
        ...Object.entries(r.headers ?? {}).map(([name, description]) => ({ name, in: 'header', required: true, description, schema: { type: 'string' } })),
      ],
      responses: {
        200: {
          description: r.response,
          content: Object.fromEntries((r.produces ?? ['application/json']).map((t) => [t, {}])),
        },
        default: { description: 'An error: {error: {code, message, details}}', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
    if (r.files) {
      op.requestBody = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: [r.files.field],
              properties: { [r.files.field]: { type: 'array', items: { type: 'string', contentMediaType: 'application/octet-stream' }, description: r.files.description } },
            },
          },
        },
      };
    }
    if (r.body) op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } };
    (paths[openPath] ??= {})[r.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Policy graph explorer API',
      version,
      description: 'Knowledge graph of 数字福州 policy documents. Errors are always {error: {code, message, details}}.',
    },
    paths,
    components: { schemas: { Error: ERROR_SCHEMA } },
  };
}
