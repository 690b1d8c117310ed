// Only regular files are read, and only up to a size: a FIFO passed by name used to block the extract
// command and the loader forever, waiting for a writer that never came.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_DOCUMENT_BYTES, InputError, readDocumentFile, readRegularFile } from '../../../server/extract/read-document-file.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-document-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('reading a document file', () => {
  it('refuses a FIFO by name at once instead of waiting for a writer', async () => {
    const fifo = path.join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const err = await readRegularFile(fifo).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toBe(`${fifo}: is a FIFO (named pipe); only regular files are read`);
  }, 10_000);

  it('refuses a character device and a socket, saying which they are', async () => {
    await expect(readRegularFile('/dev/zero')).rejects.toThrow('/dev/zero: is a character device; only regular files are read');
    const sock = path.join(dir, 'sock.txt');
    const server = net.createServer().listen(sock);
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      await expect(readRegularFile(sock)).rejects.toThrow(`${sock}: is a socket; only regular files are read`);
    } finally {
      server.close();
    }
  });

  it('refuses a file above the limit with the limit in the message, and reads one at the limit', async () => {
    const file = path.join(dir, 'big.txt');
    fs.writeFileSync(file, Buffer.alloc(3 * 1024, 0x41));
    await expect(readRegularFile(file, 2 * 1024)).rejects.toThrow(`${file}: is 3 kB, above the limit of 2 kB for one document (MAX_DOCUMENT_SIZE or --max-size)`);
    expect((await readRegularFile(file, 3 * 1024)).length).toBe(3 * 1024);
    expect(DEFAULT_MAX_DOCUMENT_BYTES).toBe(20 * 1024 * 1024);
  });

  it('reads a regular file, through a symbolic link too, with its id', async () => {
    const file = path.join(dir, 'plan-1.txt');
    fs.writeFileSync(file, '数字福州');
    const link = path.join(dir, 'link.txt');
    fs.symlinkSync(file, link);
    const doc = await readDocumentFile(file);
    expect(doc.id).toBe('plan-1');
    expect(Buffer.from(doc.bytes).toString('utf8')).toBe('数字福州');
    expect(Buffer.from(await readRegularFile(link)).toString('utf8')).toBe('数字福州');
  });

  it('says a missing file cannot be read', async () => {
    await expect(readRegularFile(path.join(dir, 'none.txt'))).rejects.toThrow(/none\.txt: cannot read \(ENOENT\)/);
  });
});
