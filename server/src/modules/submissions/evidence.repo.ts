// Queries on evidence_files (owned by the submissions module): uploads, attaching to a submission inside
// its transaction, and the sweeper's clean-up.
import type { Insertable, Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import type { Database, EvidenceFilesTable } from '../../db/types.ts';

export function createEvidenceRepo(db: DB) {
  return {
    async insert(trx: Transaction<Database>, values: Insertable<EvidenceFilesTable>) {
      return trx
        .insertInto('evidence_files')
        .values(values)
        .returning(['id', 'file_name', 'media_type', 'size', 'created_at'])
        .executeTakeFirstOrThrow();
    },

    async find(id: number) {
      return db.selectFrom('evidence_files').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Who uploaded these files and where they are attached, for the attach check. */
    async owners(trx: Transaction<Database>, ids: number[]) {
      return trx
        .selectFrom('evidence_files')
        .select(['id', 'submission_id', 'unit_id'])
        .where('id', 'in', ids)
        .execute();
    },

    /** The submission's files become exactly `ids`: others it had are detached (left to the sweeper). */
    async setAttached(trx: Transaction<Database>, submissionId: number, ids: number[]) {
      await trx
        .updateTable('evidence_files')
        .set({ submission_id: null })
        .where('submission_id', '=', submissionId)
        .where('id', 'not in', ids.length ? ids : [0])
        .execute();
      if (ids.length)
        await trx
          .updateTable('evidence_files')
          .set({ submission_id: submissionId })
          .where('id', 'in', ids)
          .execute();
    },

    /**
     * Deletes the rows of files never attached and uploaded before `before`, answering their stored
     * names (DELETE … RETURNING: a file attached between a look-up and the delete is never removed).
     */
    async deleteUnattached(before: string): Promise<string[]> {
      const rows = await db
        .deleteFrom('evidence_files')
        .where('submission_id', 'is', null)
        .where('created_at', '<', before)
        .returning('stored_name')
        .execute();
      return rows.map((r) => r.stored_name);
    },

    /** Which of these stored names have a row. */
    async knownStoredNames(names: string[]): Promise<Set<string>> {
      const known = new Set<string>();
      for (let i = 0; i < names.length; i += 500) {
        const rows = await db
          .selectFrom('evidence_files')
          .select('stored_name')
          .where('stored_name', 'in', names.slice(i, i + 500))
          .execute();
        rows.forEach((r) => known.add(r.stored_name));
      }
      return known;
    },
  };
}
export type EvidenceRepo = ReturnType<typeof createEvidenceRepo>;
