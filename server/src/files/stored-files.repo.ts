// The stored_files and stored_file_chunks tables (decision 184). Only database-file-store.ts uses this
// repository; every module reaches its files through the FileStore interface.
import type { DB } from '../db/database.ts';

export interface StoredFileRow {
  id: number;
  size: number;
  chunks: number;
  sha256: string | null;
}

export function createStoredFilesRepo(db: DB) {
  return {
    /** A new file being written, under a temporary key nobody asks for. */
    async begin(store: string, tempKey: string, now: string): Promise<number> {
      const row = await db
        .insertInto('stored_files')
        .values({ store, key: tempKey, created_at: now, written_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** One chunk, in its own short transaction: a slow upload holds no connection between chunks. */
    async addChunk(id: number, seq: number, data: Buffer, now: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('stored_file_chunks').values({ file_id: id, seq, data }).execute();
        await trx
          .updateTable('stored_files')
          .set((eb) => ({ size: eb('size', '+', data.length), chunks: seq + 1, written_at: now }))
          .where('id', '=', id)
          .execute();
      });
    },

    /** The rename into place: a file already under `key` (a repeated migration) is replaced. */
    async finish(id: number, store: string, key: string, sha256: string, now: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('stored_files')
          .where('store', '=', store)
          .where('key', '=', key)
          .where('id', '<>', id)
          .execute();
        const done = await trx
          .updateTable('stored_files')
          .set({ key, sha256, complete_at: now, written_at: now })
          .where('id', '=', id)
          .executeTakeFirst();
        // swept as abandoned while it stalled: the write failed, whatever its chunks said
        if (Number(done.numUpdatedRows) !== 1) throw new Error('the unfinished file was swept meanwhile');
      });
    },

    async discard(id: number): Promise<void> {
      await db.deleteFrom('stored_files').where('id', '=', id).execute();
    },

    find: (store: string, key: string): Promise<StoredFileRow | undefined> =>
      db
        .selectFrom('stored_files')
        .select(['id', 'size', 'chunks', 'sha256'])
        .where('store', '=', store)
        .where('key', '=', key)
        .where('complete_at', 'is not', null)
        .executeTakeFirst(),

    async chunk(id: number, seq: number): Promise<Buffer | null> {
      const row = await db
        .selectFrom('stored_file_chunks')
        .select('data')
        .where('file_id', '=', id)
        .where('seq', '=', seq)
        .executeTakeFirst();
      return row ? Buffer.from(row.data) : null;
    },

    async remove(store: string, keys: string[]): Promise<void> {
      if (keys.length)
        await db.deleteFrom('stored_files').where('store', '=', store).where('key', 'in', keys).execute();
    },

    async keysCompletedBefore(store: string, before: string): Promise<string[]> {
      const rows = await db
        .selectFrom('stored_files')
        .select('key')
        .where('store', '=', store)
        .where('complete_at', '<', before)
        .orderBy('id')
        .execute();
      return rows.map((r) => r.key);
    },

    /** How many complete files, and their bytes, every store together (the backup's manifest). */
    async totals(): Promise<{ count: number; bytes: number }> {
      const r = await db
        .selectFrom('stored_files')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('size').as('bytes')])
        .where('complete_at', 'is not', null)
        .executeTakeFirstOrThrow();
      return { count: Number(r.n), bytes: Number(r.bytes ?? 0) };
    },

    async removeUnfinished(store: string, before: string): Promise<number> {
      const rows = await db
        .deleteFrom('stored_files')
        .where('store', '=', store)
        .where('complete_at', 'is', null)
        .where('written_at', '<', before)
        .returning('id')
        .execute();
      return rows.length;
    },
  };
}
export type StoredFilesRepo = ReturnType<typeof createStoredFilesRepo>;
