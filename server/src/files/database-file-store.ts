// A FileStore in the database (FILE_STORE=database, decision 184): app servers then share nothing on disk.
// A file is written a chunk of CHUNK_BYTES at a time, each chunk committed on its own (no connection is
// held while a slow client sends the next one), under a temporary key; when the last chunk is in, the
// row is renamed to a new random key and marked complete in one transaction. Until then nobody can open
// it, a failed write removes it, and one a crash left behind is removed by sweepTemporary — the rules
// of the disk store, with complete_at in the place of rename(2). Reads fetch one chunk at a time and
// check the SHA-256 at the end: a file changed under the database fails its read rather than passing.
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { nowIso, type DB } from '../db/database.ts';
import { assertKey, type FileStore, type StoredFile } from './file-store.ts';
import { createStoredFilesRepo } from './stored-files.repo.ts';

/** 256 KiB: a read holds about three times a chunk (hex text, then bytes); a write commits every chunk. */
export const CHUNK_BYTES = 256 * 1024;

/** Cuts a stream of buffers of any size into chunks of `size` bytes (the last one shorter). */
export async function* rechunk(
  source: AsyncIterable<Buffer> | Iterable<Buffer>,
  size: number,
): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let have = 0;
  for await (const piece of source) {
    let rest = piece;
    while (have + rest.length >= size) {
      const take = size - have;
      parts.push(rest.subarray(0, take));
      yield Buffer.concat(parts, size);
      rest = rest.subarray(take);
      parts = [];
      have = 0;
    }
    if (rest.length) {
      parts.push(rest);
      have += rest.length;
    }
  }
  if (have) yield Buffer.concat(parts, have);
}

/** A time in ms as stored (ISO text), kept within years 0–9999 so that text order is time order. */
const isoBefore = (ms: number) => new Date(Math.max(0, Math.min(ms, Date.UTC(9999, 11, 31)))).toISOString();

export function createDatabaseFileStore(db: DB, store: string): FileStore {
  const repo = createStoredFilesRepo(db);

  async function write(key: string, source: Readable | Buffer): Promise<StoredFile> {
    const id = await repo.begin(store, `tmp-${randomBytes(16).toString('hex')}`, nowIso());
    const hash = createHash('sha256');
    let size = 0;
    let seq = 0;
    try {
      const pieces = Buffer.isBuffer(source) ? [source] : (source as AsyncIterable<Buffer>);
      for await (const chunk of rechunk(pieces, CHUNK_BYTES)) {
        await repo.addChunk(id, seq, chunk, nowIso());
        hash.update(chunk);
        size += chunk.length;
        seq += 1;
      }
      const sha256 = hash.digest('hex');
      await repo.finish(id, store, key, sha256, nowIso());
      return { key, size, sha256 };
    } catch (err) {
      // if the database itself is gone this fails too; the sweeper removes the row later
      await repo.discard(id).catch(() => undefined);
      throw err;
    }
  }

  return {
    put: (source) => write(randomBytes(16).toString('hex'), source),

    putAs: (key, source) => write(assertKey(key), source),

    async open(key) {
      const file = await repo.find(store, assertKey(key));
      if (!file) return null;
      const hash = createHash('sha256');
      let seq = 0;
      // highWaterMark 1 byte: one chunk is fetched, then the next only once the reader has taken it
      return new Readable({
        highWaterMark: 1,
        read() {
          if (seq === file.chunks) {
            const got = hash.digest('hex');
            if (file.sha256 && got !== file.sha256)
              return void this.destroy(
                new Error(`stored file ${store}/${key}: SHA-256 ${got} ≠ ${file.sha256}`),
              );
            return void this.push(null);
          }
          repo.chunk(file.id, seq).then(
            (chunk) => {
              if (!chunk)
                return this.destroy(new Error(`stored file ${store}/${key} was removed while read`));
              seq += 1;
              hash.update(chunk);
              this.push(chunk);
            },
            (err: Error) => this.destroy(err),
          );
        },
      });
    },

    async remove(...keys) {
      await repo.remove(store, keys.map(assertKey));
    },

    keysOlderThan: (before) => repo.keysCompletedBefore(store, isoBefore(before)),

    sweepTemporary: (before) => repo.removeUnfinished(store, isoBefore(before)),
  };
}
