import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';

describe('upload settings', () => {
  it('has no admin token and a 50 MB upload limit by default', () => {
    const c = loadConfig({});
    expect(c.adminToken).toBeUndefined();
    expect(c.maxUploadBytes).toBe(50 * 1024 * 1024);
  });

  it('reads ADMIN_TOKEN and MAX_UPLOAD_SIZE, refusing a short token and a size that is not one', () => {
    const c = loadConfig({ ADMIN_TOKEN: 'x'.repeat(16), MAX_UPLOAD_SIZE: '8m' });
    expect(c).toMatchObject({ adminToken: 'x'.repeat(16), maxUploadBytes: 8 * 1024 * 1024 });
    expect(() => loadConfig({ ADMIN_TOKEN: 'secret' })).toThrow(/ADMIN_TOKEN: must be at least 16 characters/);
    expect(() => loadConfig({ MAX_UPLOAD_SIZE: 'lots' })).toThrow(/MAX_UPLOAD_SIZE: must look like 512m or 2g/);
  });
});
