// What every FileStore must do, run against both backends (FILE_STORE=disk and FILE_STORE=database) on
// the test's database, through the one interface the modules use (decision 184): a round trip with a
// true size and SHA-256, a failed write that leaves nothing, a 50 MB file streamed in and out a chunk at
// a time, concurrent reads, and an upload whose client goes away halfway leaving nothing.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import type { FileStore } from './file-store.ts';
import { readAll } from './file-store.ts';

const FAR = 8.64e15;
const MB = 1024 * 1024;

/** `bytes` of deterministic, incompressible-looking content, made 64 KiB at a time. */
function generated(bytes: number, seed = 1): { stream: () => Readable; sha256: string } {
  const piece = (i: number) => {
    const b = Buffer.alloc(Math.min(64 * 1024, bytes - i * 64 * 1024));
    let x = (seed * 2654435761 + i) >>> 0;
    for (let j = 0; j < b.length; j += 4) {
      x = (x * 1664525 + 1013904223) >>> 0;
      b.writeUInt32LE(x, j - (j + 4 > b.length ? j + 4 - b.length : 0));
    }
    return b;
  };
  const count = Math.ceil(bytes / (64 * 1024));
  const hash = createHash('sha256');
  for (let i = 0; i < count; i += 1) hash.update(piece(i));
  return {
    sha256: hash.digest('hex'),
    stream: () =>
      Readable.from(
        (function* () {
          for (let i = 0; i < count; i += 1) yield piece(i);
        })(),
      ),
  };
}

const sha = async (s: Readable | null) => {
  const hash = createHash('sha256');
  let size = 0;
  for await (const c of s! as AsyncIterable<Buffer>) {
    hash.update(c);
    size += c.length;
  }
  return { sha256: hash.digest('hex'), size };
};

describe.each(['disk', 'database'] as const)('the %s file store', (backend) => {
  let t: TestApp;
  let store: FileStore;
  beforeAll(async () => {
    t = await createTestApp({ demo: true, env: { FILE_STORE: backend } });
    store = t.services.files.stores.evidence;
    expect(t.services.files.backend).toBe(backend);
  });
  afterAll(() => t.close());

  const stored = () => store.keysOlderThan(FAR);
  /** writes in progress, seen behind the interface (the one place this test looks at the backend) */
  const unfinished = async () =>
    backend === 'disk'
      ? fs.readdirSync(path.join(t.config.dataDir, 'files', 'tmp')).length
      : (
          await t.database.db
            .selectFrom('stored_files')
            .select('id')
            .where('complete_at', 'is', null)
            .execute()
        ).length;
  /** unfinished writes left behind (counted by sweeping them) */
  const leftovers = () => store.sweepTemporary(FAR);

  it('stores, reads, lists and removes a file, with its true size and SHA-256', async () => {
    const body = Buffer.from('绿讯 GreenVoice evidence '.repeat(50_000));
    const put = await store.put(body);
    expect(put.key).toMatch(/^[a-f0-9]{32}$/);
    expect(put.size).toBe(body.length);
    expect(put.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    expect((await readAll((await store.open(put.key))!)).equals(body)).toBe(true);
    expect(await stored()).toContain(put.key);
    expect(await store.keysOlderThan(0)).not.toContain(put.key);
    expect(await store.open('0'.repeat(32))).toBeNull();
    await expect(store.open('../../etc/passwd')).rejects.toThrow(/not a stored file key/);
    // putAs replaces what is there under the same key (a repeated migration)
    const again = await store.putAs(put.key, Buffer.from('replaced'));
    expect(again).toMatchObject({ key: put.key, size: 8 });
    expect((await readAll((await store.open(put.key))!)).toString()).toBe('replaced');
    await store.remove(put.key);
    expect(await store.open(put.key)).toBeNull();
    expect(await stored()).not.toContain(put.key);
    // an empty file is a file
    const empty = await store.put(Buffer.alloc(0));
    expect((await readAll((await store.open(empty.key))!)).length).toBe(0);
    await store.remove(empty.key);
    expect(await leftovers()).toBe(0);
  });

  it('a write whose source fails halfway leaves nothing, not even a temporary file', async () => {
    const before = await stored();
    const source = generated(3 * MB).stream();
    const pieces = source[Symbol.asyncIterator]();
    let sent = 0;
    // 2 MB arrive, then the source fails (what a client that goes away looks like to the store)
    const failing = new Readable({
      read() {
        if (sent > 2 * MB) return void this.destroy(new Error('client went away'));
        void pieces.next().then(({ value }) => {
          sent += (value as Buffer).length;
          this.push(value);
        });
      },
    });
    await expect(store.put(failing)).rejects.toThrow('client went away');
    expect(await stored()).toEqual(before);
    expect(await leftovers()).toBe(0);
  });

  it('streams a 50 MB file in and out, a chunk at a time, with the same SHA-256', async () => {
    const file = generated(50 * MB, 7);
    const put = await store.put(file.stream());
    expect(put).toMatchObject({ size: 50 * MB, sha256: file.sha256 });
    // pulled, not pushed: a reader that takes one chunk and stops holds at most a chunk or two, never
    // the file (a memory figure for the whole round trip belongs in npm run bench; not written yet)
    const stream = (await store.open(put.key))!;
    const first = await new Promise<Buffer>((resolve) => stream.once('data', resolve));
    stream.pause();
    await new Promise((r) => setTimeout(r, 200));
    expect(first.length).toBeLessThanOrEqual(MB);
    expect(stream.readableLength).toBeLessThanOrEqual(2 * MB);
    stream.destroy();
    let largest = 0;
    const hash = createHash('sha256');
    for await (const c of (await store.open(put.key))! as AsyncIterable<Buffer>) {
      largest = Math.max(largest, c.length);
      hash.update(c);
    }
    expect(hash.digest('hex')).toBe(file.sha256);
    expect(largest).toBeLessThanOrEqual(MB);
    await store.remove(put.key);
  }, 120_000);

  it('serves concurrent reads of one file, each whole', async () => {
    const file = generated(3 * MB, 3);
    const { key } = await store.put(file.stream());
    const reads = await Promise.all(Array.from({ length: 8 }, async () => sha(await store.open(key))));
    for (const r of reads) expect(r).toEqual({ sha256: file.sha256, size: 3 * MB });
    await store.remove(key);
  });

  it('an upload whose client drops the connection halfway leaves no row and no file', async () => {
    const cookie = await t.loginAs('officer.wl');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as net.AddressInfo;
    const rowsBefore = await t.database.db.selectFrom('evidence_files').select('id').execute();
    const before = await stored();
    const boundary = '----gvdrop';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="大文件.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
    );
    const total = 8 * MB;
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST /api/v1/evidence HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${total}\r\n\r\n`,
    );
    socket.write(head);
    // half the body, then the client is gone
    const half = generated(4 * MB, 9).stream();
    for await (const c of half as AsyncIterable<Buffer>)
      if (!socket.write(c)) await new Promise((r) => socket.once('drain', r));
    await new Promise((r) => setTimeout(r, 300));
    // the upload is being written (so what follows tests its clean-up, not a request that never began)
    expect(await unfinished()).toBe(1);
    socket.destroy();
    // the server notices and cleans up: once its side of the connection is closed, give the request's
    // clean-up a moment; only then count what is left (counting sweeps, so it must not run earlier)
    const connections = () =>
      new Promise<number>((resolve) => t.app.server.getConnections((_e, n) => resolve(n)));
    for (let i = 0; i < 100 && (await connections()) > 0; i += 1)
      await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1000));
    expect(await stored()).toEqual(before);
    expect(await leftovers()).toBe(0);
    const rowsAfter = await t.database.db.selectFrom('evidence_files').select('id').execute();
    expect(rowsAfter).toEqual(rowsBefore);
  }, 60_000);
});

describe('the database file store checks what it reads', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ env: { FILE_STORE: 'database' } })));
  afterAll(() => t.close());

  it('fails a read whose bytes no longer match the SHA-256 recorded when it was written', async () => {
    const store = t.services.files.stores.portal;
    const { key } = await store.put(generated(600_000, 5).stream());
    const row = await t.database.db
      .selectFrom('stored_files')
      .select('id')
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    await t.database.db
      .updateTable('stored_file_chunks')
      .set({ data: Buffer.from('tampered') })
      .where('file_id', '=', row.id)
      .where('seq', '=', 1)
      .execute();
    await expect(sha(await store.open(key))).rejects.toThrow(/SHA-256/);
    // a store's files are its own: the evidence store does not see the portal's
    expect(await t.services.files.stores.evidence.open(key)).toBeNull();
  });
});
