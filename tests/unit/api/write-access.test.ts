import { describe, expect, it } from 'vitest';
import { bearerToken, decideWriteAccess, isLoopback, writeCapabilities } from '../../../server/api/write-access.ts';

const TOKEN = 'sixteen-chars-or-more';

describe('isLoopback', () => {
  it.each(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1', '[::1]', '0:0:0:0:0:0:0:1'])('counts %s as this machine', (a) => {
    expect(isLoopback(a)).toBe(true);
  });
  it.each(['192.0.2.2', '10.0.0.1', '::ffff:10.0.0.1', 'fd00::2', '128.0.0.1', '127.0.0.300', '', undefined, 'localhost'])('counts %s as another client', (a) => {
    expect(isLoopback(a)).toBe(false);
  });
});

describe('bearerToken', () => {
  it('reads the token of a Bearer header, whatever the scheme case, and nothing else', () => {
    expect(bearerToken(`Bearer ${TOKEN}`)).toBe(TOKEN);
    expect(bearerToken(`bearer  ${TOKEN} `)).toBe(TOKEN);
    expect(bearerToken(`Basic ${TOKEN}`)).toBeUndefined();
    expect(bearerToken('Bearer')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});

describe('decideWriteAccess', () => {
  it('lets loopback write and refuses other clients when no token is configured, naming the address', () => {
    expect(decideWriteAccess({ remoteAddress: '::ffff:127.0.0.1', authorization: undefined }, undefined)).toEqual({ allowed: true, via: 'loopback' });
    const refused = decideWriteAccess({ remoteAddress: '192.0.2.7', authorization: `Bearer ${TOKEN}` }, undefined);
    expect(refused.allowed).toBe(false);
    expect(!refused.allowed && refused.reason).toContain('192.0.2.7');
    expect(!refused.allowed && refused.reason).toContain('ADMIN_TOKEN');
  });

  it('with a token configured, requires it from every client, loopback included', () => {
    expect(decideWriteAccess({ remoteAddress: '192.0.2.7', authorization: `Bearer ${TOKEN}` }, TOKEN)).toEqual({ allowed: true, via: 'token' });
    expect(decideWriteAccess({ remoteAddress: '127.0.0.1', authorization: undefined }, TOKEN).allowed).toBe(false);
    expect(decideWriteAccess({ remoteAddress: '127.0.0.1', authorization: `Bearer ${TOKEN}x` }, TOKEN).allowed).toBe(false);
    expect(decideWriteAccess({ remoteAddress: '127.0.0.1', authorization: 'Bearer short' }, TOKEN).allowed).toBe(false);
  });
});

describe('writeCapabilities', () => {
  it('tells a client that may not write why, and the limits it would be held to', () => {
    const caps = writeCapabilities({ remoteAddress: '192.0.2.7', authorization: undefined }, { adminToken: undefined, maxDocumentBytes: 10, maxUploadBytes: 20 }, { maxFiles: 3, extensions: ['.txt'] });
    expect(caps.write).toMatchObject({ allowed: false, via: null, tokenRequired: false });
    expect(caps.write.reason).toContain('loopback');
    expect(caps).toMatchObject({ requiredHeader: 'X-Requested-With', limits: { maxFileBytes: 10, maxRequestBytes: 20, maxFiles: 3 }, extensions: ['.txt'] });
  });
});
