// The only place that builds queries on consultations (意见征集), their attachments, the comments on
// them (cases of kind draftComment) and the yearly disclosure reports' entered parts (decisions 146, 148).
import type { Insertable, Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/database.ts';
import type {
  ConsultationFilesTable,
  ConsultationsTable,
  Database,
  DisclosureReportsTable,
} from '../../db/types.ts';

type Q = Transaction<Database> | DB;
export type ConsultationRow = Omit<ConsultationsTable, 'id' | 'version'> & { id: number; version: number };
export type ConsultationFileRow = Omit<ConsultationFilesTable, 'id'> & { id: number };

const COMMENT_COLUMNS = [
  'id',
  'tracking_number',
  'status',
  'received_on',
  'description',
  'moderation',
  'published_question',
  'adoption',
  'reply_text',
  'version',
] as const;

export function createConsultationsRepo(db: DB) {
  return {
    list: (bureauUnitId: number, publishedOnly = false): Promise<ConsultationRow[]> => {
      let q = db.selectFrom('consultations').selectAll().where('bureau_unit_id', '=', bureauUnitId);
      if (publishedOnly) q = q.where('status', '=', 'published');
      return q.orderBy('opens_on', 'desc').orderBy('id', 'desc').execute();
    },
    find: (q: Q, id: number, bureauUnitId: number): Promise<ConsultationRow | undefined> =>
      q
        .selectFrom('consultations')
        .selectAll()
        .where('id', '=', id)
        .where('bureau_unit_id', '=', bureauUnitId)
        .executeTakeFirst(),
    insert: (trx: Q, row: Insertable<ConsultationsTable>) =>
      trx.insertInto('consultations').values(row).returning('id').executeTakeFirstOrThrow(),
    async update(trx: Q, id: number, version: number, set: Updateable<ConsultationsTable>) {
      const r = await trx
        .updateTable('consultations')
        .set({ ...set, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    files: (ids: number[]): Promise<ConsultationFileRow[]> =>
      db
        .selectFrom('consultation_files')
        .selectAll()
        .where('consultation_id', 'in', ids.length ? ids : [0])
        .orderBy('id')
        .execute(),
    insertFile: (trx: Q, row: Insertable<ConsultationFilesTable>) =>
      trx.insertInto('consultation_files').values(row).returning('id').executeTakeFirstOrThrow(),
    deleteFile: (trx: Q, id: number, consultationId: number) =>
      trx
        .deleteFrom('consultation_files')
        .where('id', '=', id)
        .where('consultation_id', '=', consultationId)
        .execute(),

    /** the comments' counts per consultation: all (not refused), awaiting moderation, shown */
    async commentCounts(ids: number[]) {
      const rows = await db
        .selectFrom('cases')
        .select(['consultation_id', 'moderation', (eb) => eb.fn.countAll<number>().as('n')])
        .where('kind', '=', 'draftComment')
        .where('consultation_id', 'in', ids.length ? ids : [0])
        .where('status', '!=', 'notAccepted')
        .groupBy(['consultation_id', 'moderation'])
        .execute();
      const out = new Map<number, { total: number; pending: number; shown: number }>();
      for (const r of rows) {
        const c = out.get(r.consultation_id!) ?? { total: 0, pending: 0, shown: 0 };
        c.total += Number(r.n);
        if (r.moderation === 'pending') c.pending += Number(r.n);
        if (r.moderation === 'shown') c.shown += Number(r.n);
        out.set(r.consultation_id!, c);
      }
      return out;
    },
    /** a consultation's comments (never who wrote them: that is sealed in case_reporters) */
    comments: (q: Q, consultationId: number, shownOnly = false) => {
      let s = q
        .selectFrom('cases')
        .select(COMMENT_COLUMNS)
        .where('kind', '=', 'draftComment')
        .where('consultation_id', '=', consultationId)
        .where('status', '!=', 'notAccepted');
      if (shownOnly) s = s.where('moderation', '=', 'shown');
      return s.orderBy('id').execute();
    },

    report: (bureauUnitId: number, year: number) =>
      db
        .selectFrom('disclosure_reports')
        .selectAll()
        .where('bureau_unit_id', '=', bureauUnitId)
        .where('year', '=', year)
        .executeTakeFirst(),
    insertReport: (trx: Q, row: Insertable<DisclosureReportsTable>) =>
      trx.insertInto('disclosure_reports').values(row).execute(),
    async updateReport(trx: Q, id: number, version: number, set: Updateable<DisclosureReportsTable>) {
      const r = await trx
        .updateTable('disclosure_reports')
        .set({ ...set, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
export type ConsultationsRepo = ReturnType<typeof createConsultationsRepo>;
