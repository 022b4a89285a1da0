// The one store for uploaded files (evidence, CMS images and attachments) on the local disk. A file is
// written in full to DIR/tmp — every short write is continued, a write that makes no progress or fails
// with ENOSPC/EDQUOT refuses the request with 507 STORAGE_FULL — then fsynced, renamed under a random
// key and the directory fsynced; only then may the caller commit the row that names the key
// (decision 073). The interface is deliberately narrow (put, open, remove, and the two listings the
// sweepers need); the store in the database (database-file-store.ts, decision 184) implements it too, and
// file-stores.ts picks one by FILE_STORE — no module touches a directory or the blob table itself.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { ApiError } from '../http/api-error.ts';

export interface StoredFile {
  key: string;
  size: number;
  sha256: string;
}

export interface FileStore {
  /** Stores the bytes durably under a new random key; nothing is left behind if it fails. */
  put(source: Readable | Buffer): Promise<StoredFile>;
  /**
   * Stores the bytes under a key given by the caller, replacing a file already there, with put's
   * atomicity. Only for copying a store (npm run files:migrate, npm run restore): keys stay what rows name.
   */
  putAs(key: string, source: Readable | Buffer): Promise<StoredFile>;
  /** The stored bytes as a stream, or null if there is no such file. */
  open(key: string): Promise<Readable | null>;
  remove(...keys: string[]): Promise<void>;
  /** Keys stored before `before` (ms), for a sweeper that removes those without a row. */
  keysOlderThan(before: number): Promise<string[]>;
  /** Removes temporary files of writes that never finished (a crash, a stalled upload). */
  sweepTemporary(before: number): Promise<number>;
}

/** Keys are random; older CMS tokens were base64url, evidence names hex — both stay readable. */
const KEY = /^[A-Za-z0-9_-]{16,64}$/;
export const isStoredKey = (key: string): boolean => KEY.test(key);
/** A key as given, or an error: a key never names a path outside its store. */
export function assertKey(key: string): string {
  if (!KEY.test(key)) throw new Error('not a stored file key');
  return key;
}
const NO_SPACE = new Set(['ENOSPC', 'EDQUOT']);

const storageFull = () => new ApiError('STORAGE_FULL');

// fs.write/fsync are looked up at call time (not bound at import) so a test can make them short.
const write = (fd: number, buf: Buffer, offset: number, length: number) =>
  new Promise<number>((resolve, reject) =>
    fs.write(fd, buf, offset, length, null, (err, n) => (err ? reject(err) : resolve(n))),
  );
const fsync = (fd: number) =>
  new Promise<void>((resolve, reject) => fs.fsync(fd, (err) => (err ? reject(err) : resolve())));
const openFd = (file: string, flags: string, mode?: number) =>
  new Promise<number>((resolve, reject) =>
    fs.open(file, flags, mode, (err, fd) => (err ? reject(err) : resolve(fd))),
  );
const closeFd = (fd: number) => new Promise<void>((resolve) => fs.close(fd, () => resolve()));

/** Writes all of `buf`, continuing after short writes; a write of 0 bytes means the disk is full. */
export async function writeFully(fd: number, buf: Buffer): Promise<void> {
  let offset = 0;
  while (offset < buf.length) {
    const n = await write(fd, buf, offset, buf.length - offset);
    if (n <= 0) throw storageFull();
    offset += n;
  }
}

async function fsyncPath(p: string) {
  const fd = await openFd(p, 'r');
  try {
    await fsync(fd);
  } finally {
    await closeFd(fd);
  }
}

export function createFileStore(dir: string): FileStore {
  const tmpDir = path.join(dir, 'tmp');
  const at = (key: string) => path.join(dir, assertKey(key));

  async function listOld(where: string, match: (name: string) => boolean, before: number) {
    const names = await fsp.readdir(where).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [] as string[];
      throw err;
    });
    const out: string[] = [];
    for (const name of names.filter(match)) {
      const st = await fsp.stat(path.join(where, name)).catch(() => null);
      if (st?.isFile() && st.mtimeMs < before) out.push(name);
    }
    return out;
  }

  async function write(key: string, source: Readable | Buffer): Promise<StoredFile> {
    const tmp = path.join(tmpDir, `${randomBytes(16).toString('hex')}.part`);
    const hash = createHash('sha256');
    let size = 0;
    let fd: number | null = null;
    let renamed = false;
    // one write in flight while the next chunk arrives (the upload and the disk overlap, as a piped
    // fs stream's do); marked handled at once, so a failed write is thrown where it is awaited
    let writing: Promise<void> = Promise.resolve();
    try {
      // re-created on every write: the directory may be removed while the server runs (item 18)
      await fsp.mkdir(tmpDir, { recursive: true });
      fd = await openFd(tmp, 'wx', 0o600);
      const chunks = Buffer.isBuffer(source) ? [source] : (source as AsyncIterable<Buffer>);
      for await (const chunk of chunks) {
        await writing;
        writing = writeFully(fd, chunk);
        writing.catch(() => {});
        hash.update(chunk);
        size += chunk.length;
      }
      await writing;
      await fsync(fd);
      const done = fd;
      fd = null;
      await closeFd(done);
      await fsp.rename(tmp, path.join(dir, key));
      renamed = true;
      await fsyncPath(dir);
    } catch (err) {
      await writing.catch(() => {}); // never close the file under a write still running
      if (fd !== null) await closeFd(fd);
      await fsp.rm(tmp, { force: true });
      // renamed but not made durable: the caller is told it failed, so the file must not stay
      if (renamed) await fsp.rm(path.join(dir, key), { force: true });
      if (NO_SPACE.has((err as NodeJS.ErrnoException).code ?? '')) throw storageFull();
      throw err;
    }
    return { key, size, sha256: hash.digest('hex') };
  }

  return {
    put: (source) => write(randomBytes(16).toString('hex'), source),

    putAs: (key, source) => write(assertKey(key), source),

    async open(key) {
      const file = at(key);
      const fd = await openFd(file, 'r').catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return null;
        throw err;
      });
      // the descriptor is closed when the stream ends or is destroyed (a client that goes away)
      return fd === null ? null : fs.createReadStream(file, { fd, autoClose: true });
    },

    async remove(...keys) {
      await Promise.all(keys.map((k) => fsp.rm(at(k), { force: true })));
    },

    keysOlderThan: (before) => listOld(dir, (n) => KEY.test(n), before),

    async sweepTemporary(before) {
      // DIR/tmp/*.part, and `.tmp-*` files the former CMS store left beside the stored files
      const temps = [
        ...(await listOld(tmpDir, (n) => n.endsWith('.part'), before)).map((n) => path.join(tmpDir, n)),
        ...(await listOld(dir, (n) => n.startsWith('.tmp-'), before)).map((n) => path.join(dir, n)),
      ];
      await Promise.all(temps.map((p) => fsp.rm(p, { force: true })));
      return temps.length;
    },
  };
}

/** Waits until a stream's descriptor is closed, so nothing stays open once a read is done. */
const closed = (stream: Readable) =>
  stream.closed ? Promise.resolve() : new Promise<void>((resolve) => stream.once('close', () => resolve()));

/** Reads at most `bytes` from the start of a stream (to recognise a file by its magic bytes). */
export async function readHead(stream: Readable, bytes = 4096): Promise<Buffer> {
  const parts: Buffer[] = [];
  let have = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parts.push(chunk);
      have += chunk.length;
      if (have >= bytes) break;
    }
  } finally {
    stream.destroy();
    await closed(stream);
  }
  return Buffer.concat(parts).subarray(0, bytes);
}

/** Reads a whole stored file (portal images and attachments, ≤ the upload limit). */
export async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) parts.push(chunk);
  await closed(stream);
  return Buffer.concat(parts);
}
