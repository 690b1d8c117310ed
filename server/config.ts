/*
 * Configuration, parsed once at start-up. A bad value stops the start with a message that names the
 * variable, so nobody discovers a typo in NEO4J_URI from a confusing connection error later.
 */
import path from 'node:path';
import { z } from 'zod';

const port = (name: string) =>
  z.coerce.number({ error: `${name} must be a number` }).int().min(0, `${name} must be 0-65535`).max(65535, `${name} must be 0-65535`);

const byteSize = z.string().regex(/^\d+[kmg]?$/i, 'must look like 512m or 2g');

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
  cypher: { timeoutMs: number; maxRows: number; maxResponseBytes: number; rateLimitPerMinute: number };
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
    },
  };
}
