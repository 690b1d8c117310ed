import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config.ts';

describe('loadConfig', () => {
  it('uses the embedded Neo4j with sensible defaults when NEO4J_URI is not set', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c.port).toBe(3000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.dataDir).toBe('/srv/app/data');
    expect(c.neo4j).toMatchObject({ mode: 'embedded', boltPort: 7688, heap: '1g', password: undefined });
    expect(c.cypher).toEqual({
      timeoutMs: 5000, maxRows: 1000, maxResponseBytes: 5 * 1024 * 1024, rateLimitPerMinute: 120,
      maxQueryChars: 20_000, maxNesting: 40, maxParamDepth: 16, maxSubqueryDepth: 8, watchdogGraceMs: 1000,
    });
  });

  it('switches to an external Neo4j when NEO4J_URI is set, with user, password and database', () => {
    const c = loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_PASSWORD: 'secret', NEO4J_DATABASE: 'policy' });
    expect(c.neo4j).toEqual({ mode: 'external', uri: 'neo4j+s://abc.databases.neo4j.io', user: 'neo4j', password: 'secret', database: 'policy' });
  });

  it('treats an empty variable as not set', () => {
    expect(loadConfig({ NEO4J_URI: '', PORT: ' ' }).neo4j.mode).toBe('embedded');
  });

  it('refuses an external NEO4J_URI without a password instead of assuming one', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://db:7687' })).toThrow(/NEO4J_PASSWORD: is required when NEO4J_URI is set/);
  });

  it('names the variable when a value is malformed', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ NEO4J_URI: 'http://db:7474', NEO4J_PASSWORD: 'x' })).toThrow(/NEO4J_URI: must be a bolt:\/\//);
    expect(() => loadConfig({ NEO4J_EMBEDDED_HEAP: 'lots' })).toThrow(/NEO4J_EMBEDDED_HEAP/);
    expect(() => loadConfig({ LOAD_SEEDS_ON_START: 'maybe' })).toThrow(/LOAD_SEEDS_ON_START/);
  });

  it('reads the document size limit as a size and the allowed host names as a list', () => {
    expect(loadConfig({}).maxDocumentBytes).toBe(20 * 1024 * 1024);
    expect(loadConfig({ MAX_DOCUMENT_SIZE: '50m' }).maxDocumentBytes).toBe(50 * 1024 * 1024);
    expect(loadConfig({ MAX_DOCUMENT_SIZE: '4096' }).maxDocumentBytes).toBe(4096);
    expect(() => loadConfig({ MAX_DOCUMENT_SIZE: 'huge' })).toThrow(/MAX_DOCUMENT_SIZE: must look like 512m or 2g/);
    expect(loadConfig({}).allowedHosts).toEqual([]);
    expect(loadConfig({ ALLOWED_HOSTS: 'Graph.Example.org, planner-pc:3000,[::1]:8080' }).allowedHosts).toEqual(['graph.example.org', 'planner-pc:3000', '[::1]:8080']);
    expect(() => loadConfig({ ALLOWED_HOSTS: 'http://graph.example.org' })).toThrow(/ALLOWED_HOSTS: must be a comma-separated list of host names/);
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: '70000', CYPHER_TIMEOUT_MS: '-1' });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/CYPHER_TIMEOUT_MS/);
    }
  });
});
