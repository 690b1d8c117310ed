/*
 * Configuration, parsed once at start-up. A bad value stops the start with a message that names the
 * variable, so nobody discovers a typo in NEO4J_URI from a confusing connection error later.
 */
import path from 'node:path';
import { z } from 'zod';

const port = (name: string) =>
  z.coerce.number({ error: `${name} must be a number` }).int().min(0, `${name} must be 0-65535`).max(65535, `${name} must be 0-65535`);

const byteSize = z.string().regex(/^\d+[kmg]?$/i, 'must look like 512m or 2g');

/** 512k, 20m, 1g or a number of bytes, as bytes. */
export function parseByteSize(s: string): number | undefined {
  const m = /^(\d+)([kmg]?)$/i.exec(s.trim());
  if (!m) return undefined;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(m[1]) * unit;
}

/** A host name, IPv4 address or bracketed IPv6 address, with an optional port; `*` turns the Host check off. */
const HOST_ENTRY = /^(\*|[a-z0-9]([a-z0-9.-]*[a-z0-9])?|\[[0-9a-f:.]+\])(:\d{1,5})?$/i;

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z
  .object({
    PORT: port('PORT').default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('data'),
    SEEDS_DIR: z.string().min(1).default('seeds/documents'),
    LOAD_SEEDS_ON_START: boolean.default(true),
    NEO4J_URI: z
      .string()
      .regex(/^(bolt|bolt\+s|bolt\+ssc|neo4j|neo4j\+s|neo4j\+ssc):\/\/.+/, 'must be a bolt://, neo4j:// or neo4j+s:// URI')
      .optional(),
    NEO4J_USER: z.string().min(1).default('neo4j'),
    NEO4J_PASSWORD: z.string().min(1).optional(),
    NEO4J_DATABASE: z.string().min(1).optional(),
    NEO4J_EMBEDDED_BOLT_PORT: port('NEO4J_EMBEDDED_BOLT_PORT').default(7688),
    NEO4J_EMBEDDED_HEAP: byteSize.default('1g'),
    NEO4J_EMBEDDED_PAGECACHE: byteSize.default('256m'),
    CYPHER_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
    CYPHER_MAX_ROWS: z.coerce.number().int().positive().default(1000),
    CYPHER_MAX_RESPONSE_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
    CYPHER_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(120),
    CYPHER_MAX_QUERY_CHARS: z.coerce.number().int().positive().default(20_000),
    CYPHER_MAX_NESTING: z.coerce.number().int().positive().default(40),
    CYPHER_MAX_PARAM_DEPTH: z.coerce.number().int().positive().default(16),
    CYPHER_MAX_SUBQUERY_DEPTH: z.coerce.number().int().positive().default(8),
    CYPHER_WATCHDOG_GRACE_MS: z.coerce.number().int().nonnegative().default(1000),
    MAX_DOCUMENT_SIZE: byteSize.transform((s) => parseByteSize(s)!).pipe(z.number().min(1, 'must be at least 1 byte')).default(20 * 1024 ** 2),
    ALLOWED_HOSTS: z
      .string()
      .transform((s) => s.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean))
      .refine((hs) => hs.every((h) => HOST_ENTRY.test(h)), 'must be a comma-separated list of host names, each optionally with :port (or *)')
      .default([]),
    ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters (it guards uploads and removals from any client)').optional(),
    MAX_UPLOAD_SIZE: byteSize.transform((s) => parseByteSize(s)!).pipe(z.number().min(1, 'must be at least 1 byte')).default(50 * 1024 ** 2),
    WARM_PLANS_ON_START: boolean.default(true),
  })
  .superRefine((env, ctx) => {
    if (env.NEO4J_URI && !env.NEO4J_PASSWORD) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEO4J_PASSWORD'],
        message: 'is required when NEO4J_URI is set (no default password is assumed for an external Neo4j)',
      });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  seedsDir: string;
  loadSeedsOnStart: boolean;
  neo4j:
    | { mode: 'external'; uri: string; user: string; password: string; database: string | undefined }
    | {
        mode: 'embedded';
        boltPort: number;
        heap: string;
        pageCache: string;
        /** Given explicitly; otherwise generated on first start and kept in the data folder. */
        password: string | undefined;
        database: string | undefined;
      };
  cypher: {
    timeoutMs: number;
    maxRows: number;
    maxResponseBytes: number;
    rateLimitPerMinute: number;
    maxQueryChars: number;
    maxNesting: number;
    maxParamDepth: number;
    maxSubqueryDepth: number;
    watchdogGraceMs: number;
  };
  /** Largest document file the loader and the extract command read. */
  maxDocumentBytes: number;
  /** Host names answered besides the ones the server knows itself by (DNS-rebinding guard, api/host-check.ts). */
  allowedHosts: string[];
  /** Bearer token that lets any client upload and remove documents; without it only loopback clients may. */
  adminToken: string | undefined;
  /** Largest upload request (all its files together); each file is also held to maxDocumentBytes. */
  maxUploadBytes: number;
  /** Plan the hot read statements before listening (graph/warm-plans.ts); off when a fast start matters more. */
  warmPlansOnStart: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  // `NEO4J_URI=` in a shell or .env file means "not set", not "an invalid URI".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    seedsDir: path.resolve(cwd, e.SEEDS_DIR),
    loadSeedsOnStart: e.LOAD_SEEDS_ON_START,
    neo4j: e.NEO4J_URI
      ? { mode: 'external', uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD ?? '', database: e.NEO4J_DATABASE }
      : {
          mode: 'embedded',
          boltPort: e.NEO4J_EMBEDDED_BOLT_PORT,
          heap: e.NEO4J_EMBEDDED_HEAP,
          pageCache: e.NEO4J_EMBEDDED_PAGECACHE,
          password: e.NEO4J_PASSWORD,
          database: e.NEO4J_DATABASE,
        },
    cypher: {
      timeoutMs: e.CYPHER_TIMEOUT_MS,
      maxRows: e.CYPHER_MAX_ROWS,
      maxResponseBytes: e.CYPHER_MAX_RESPONSE_BYTES,
      rateLimitPerMinute: e.CYPHER_RATE_LIMIT_PER_MINUTE,
      maxQueryChars: e.CYPHER_MAX_QUERY_CHARS,
      maxNesting: e.CYPHER_MAX_NESTING,
      maxParamDepth: e.CYPHER_MAX_PARAM_DEPTH,
      maxSubqueryDepth: e.CYPHER_MAX_SUBQUERY_DEPTH,
      watchdogGraceMs: e.CYPHER_WATCHDOG_GRACE_MS,
    },
    maxDocumentBytes: e.MAX_DOCUMENT_SIZE,
    allowedHosts: e.ALLOWED_HOSTS,
    adminToken: e.ADMIN_TOKEN,
    maxUploadBytes: e.MAX_UPLOAD_SIZE,
    warmPlansOnStart: e.WARM_PLANS_ON_START,
  };
}
