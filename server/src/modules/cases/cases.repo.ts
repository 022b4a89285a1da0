// The only place that builds queries on public cases, their steps, photos and sealed reporters.
import type { CaseKind, CaseStatus } from '@greenvoice/common';
import { FINAL_STATUSES } from '@greenvoice/common';
import type { Insertable, Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/database.ts';
import { containsText } from '../../db/expressions.ts';
import type { CaseEventsTable, CasePhotosTable, CasesTable, Database } from '../../db/types.ts';
import { countyBureauOf, countyBureausWithin, unitsWithin } from '../units/units.repo.ts';
import { updateVersioned } from '../../db/versioned.ts';

type Q = Transaction<Database> | DB;

/** what the portal shows of a published letter: its edited texts and dates, nothing about who wrote */
const PUBLISHED_COLUMNS = [
  'id',
  'kind',
  'tracking_number',
  'subject',
  'published_question',
  'published_reply',
  'published_at',
  'received_on',
  'replied_at',
] as const;

export interface CaseFilter {
  bureauUnitId: number;
  /** a county's staff: only the cases assigned to their county bureau */
  assignedUnitId?: number;
  status?: CaseStatus;
  kind?: CaseKind;
  open?: boolean;
  dueBefore?: string;
  dueFrom?: string;
  dueTo?: string;
  extensionRequested?: boolean;
  q?: string;
  /** false: the text search looks at numbers and places only (a county, which sees the texts masked) */
  searchTexts?: boolean;
}

export function createCasesRepo(db: DB) {
  const base = (f: CaseFilter) => {
    let q = db
      .selectFrom('cases')
      .leftJoin('units as assigned', 'assigned.id', 'cases.assigned_unit_id')
      .where('cases.bureau_unit_id', '=', f.bureauUnitId);
    if (f.assignedUnitId !== undefined) q = q.where('cases.assigned_unit_id', '=', f.assignedUnitId);
    if (f.status) q = q.where('cases.status', '=', f.status);
    if (f.kind) q = q.where('cases.kind', '=', f.kind);
    if (f.open) q = q.where('cases.status', 'not in', FINAL_STATUSES);
    if (f.dueBefore) q = q.where('cases.due_on', '<', f.dueBefore);
    if (f.dueFrom) q = q.where('cases.due_on', '>=', f.dueFrom);
    if (f.dueTo) q = q.where('cases.due_on', '<=', f.dueTo);
    if (f.extensionRequested) q = q.where('cases.extension_state', '=', 'requested');
    const text = f.q;
    if (text)
      q = q.where((eb) =>
        eb.or(
          f.searchTexts === false
            ? [containsText('cases.tracking_number', text), containsText('cases.address', text)]
            : [
                containsText('cases.tracking_number', text),
                containsText('cases.subject', text),
                containsText('cases.description', text),
                containsText('cases.address', text),
              ],
        ),
      );
    return q;
  };

  return {
    db,
    async list(f: CaseFilter, page: number, pageSize: number) {
      const total = await base(f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const items = await base(f)
        .selectAll('cases')
        .select('assigned.name as assigned_unit_name')
        // the nearest limit first; cases without a running clock after them, newest first
        .orderBy((eb) => eb.case().when('cases.due_on', 'is', null).then(1).else(0).end())
        .orderBy('cases.due_on')
        .orderBy('cases.id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return { items, total: Number(total.n) };
    },

    count: async (f: CaseFilter) =>
      Number(
        (
          await base(f)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),

    find: (q: Q, id: number) =>
      q
        .selectFrom('cases')
        .leftJoin('units as assigned', 'assigned.id', 'cases.assigned_unit_id')
        .selectAll('cases')
        .select('assigned.name as assigned_unit_name')
        .where('cases.id', '=', id)
        .executeTakeFirst(),

    byTrackingNumber: (n: string) =>
      db.selectFrom('cases').selectAll().where('tracking_number', '=', n).executeTakeFirst(),

    byIdempotencyKey: (q: Q, key: string) =>
      q.selectFrom('cases').selectAll().where('idempotency_key', '=', key).executeTakeFirst(),

    trackingNumberTaken: async (q: Q, n: string) =>
      !!(await q.selectFrom('cases').select('id').where('tracking_number', '=', n).executeTakeFirst()),

    insert: (trx: Transaction<Database>, row: Insertable<CasesTable>) =>
      trx.insertInto('cases').values(row).returning('id').executeTakeFirstOrThrow(),

    /** updates a case if it still has `version`; false when someone changed it meanwhile */
    async update(trx: Transaction<Database>, id: number, version: number, set: Updateable<CasesTable>) {
      return updateVersioned(trx, 'cases', id, version, set);
    },

    addEvent: (trx: Transaction<Database>, e: Insertable<CaseEventsTable>) =>
      trx.insertInto('case_events').values(e).execute(),

    events: (caseId: number) =>
      db
        .selectFrom('case_events')
        .leftJoin('people', 'people.id', 'case_events.actor_id')
        .leftJoin('units', 'units.id', 'case_events.unit_id')
        .selectAll('case_events')
        .select(['people.name as actor_name', 'units.name as unit_name'])
        .where('case_id', '=', caseId)
        .orderBy('case_events.id')
        .execute(),

    addPhotos: async (trx: Transaction<Database>, rows: Insertable<CasePhotosTable>[]) => {
      if (rows.length) await trx.insertInto('case_photos').values(rows).execute();
    },
    photos: (caseId: number) =>
      db.selectFrom('case_photos').selectAll().where('case_id', '=', caseId).orderBy('id').execute(),
    photo: (caseId: number, photoId: number) =>
      db
        .selectFrom('case_photos')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('id', '=', photoId)
        .executeTakeFirst(),

    addReporter: (trx: Transaction<Database>, caseId: number, sealed: string, at: string) =>
      trx
        .insertInto('case_reporters')
        .values({ case_id: caseId, sealed, erase_after: null, created_at: at })
        .execute(),
    reporter: (caseId: number, q: Q = db) =>
      q.selectFrom('case_reporters').selectAll().where('case_id', '=', caseId).executeTakeFirst(),
    /** the sealed details of these cases' reporters, by case (one query for a page of the queue) */
    async reportersOf(caseIds: number[]) {
      if (!caseIds.length) return new Map<number, string>();
      const rows = await db
        .selectFrom('case_reporters')
        .select(['case_id', 'sealed'])
        .where('case_id', 'in', caseIds)
        .execute();
      return new Map(rows.map((r) => [r.case_id, r.sealed]));
    },
    hasReporter: async (caseId: number) =>
      !!(await db
        .selectFrom('case_reporters')
        .select('case_id')
        .where('case_id', '=', caseId)
        .executeTakeFirst()),
    scheduleErasure: (trx: Transaction<Database>, caseId: number, after: string) =>
      trx.updateTable('case_reporters').set({ erase_after: after }).where('case_id', '=', caseId).execute(),
    /** reporters whose keeping period ended (oldest first, a batch at a time) */
    reportersDue: (today: string, limit: number) =>
      db
        .selectFrom('case_reporters')
        .select(['case_id', 'erase_after'])
        .where('erase_after', 'is not', null)
        .where('erase_after', '<=', today)
        .orderBy('erase_after')
        .limit(limit)
        .execute(),
    eraseReporter: async (trx: Transaction<Database>, caseId: number) =>
      Number(
        (await trx.deleteFrom('case_reporters').where('case_id', '=', caseId).executeTakeFirst())
          .numDeletedRows,
      ) === 1,

    /** published letters and replies for the portal (no personal data: only the edited texts) */
    published: (bureauUnitId: number, limit: number, offset: number) =>
      db
        .selectFrom('cases')
        .select(PUBLISHED_COLUMNS)
        .where('bureau_unit_id', '=', bureauUnitId)
        .where('published', '=', 1)
        .orderBy('published_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
    publishedCount: async (bureauUnitId: number) =>
      Number(
        (
          await db
            .selectFrom('cases')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('bureau_unit_id', '=', bureauUnitId)
            .where('published', '=', 1)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    publishedOne: (bureauUnitId: number, id: number) =>
      db
        .selectFrom('cases')
        .select(PUBLISHED_COLUMNS)
        .where('bureau_unit_id', '=', bureauUnitId)
        .where('published', '=', 1)
        .where('id', '=', id)
        .executeTakeFirst(),

    /** information requests awaiting completion whose applicant's period ended before `today` */
    completionLapsed: (today: string, limit: number) =>
      db
        .selectFrom('cases')
        .select('id')
        .where('kind', '=', 'infoRequest')
        .where('status', '=', 'needsCompletion')
        .where('due_on', '<', today)
        .orderBy('due_on')
        .limit(limit)
        .execute(),

    /** open cases with a running limit on or before `until`, for reminders (not the applicant's
     *  completion period: that clock is theirs, and the lapse job ends it) */
    dueBy: (until: string) =>
      db
        .selectFrom('cases')
        .select(['id', 'bureau_unit_id', 'assigned_unit_id', 'kind', 'status', 'tracking_number', 'due_on'])
        .where('status', 'not in', [...FINAL_STATUSES, 'needsCompletion'])
        .where('due_on', 'is not', null)
        .where('due_on', '<=', until)
        .orderBy('due_on')
        .execute(),

    /** what the monthly statistics count (decision 147): no text, no person — states, days, places */
    statsRows: (bureauUnitId: number, filedBefore: string) =>
      db
        .selectFrom('cases')
        .leftJoin('units as assigned', 'assigned.id', 'cases.assigned_unit_id')
        .select([
          'cases.kind',
          'cases.status',
          'cases.category',
          'cases.county',
          'assigned.name as unit_name',
          'cases.created_at',
          'cases.accepted_on',
          'cases.replied_at',
          'cases.closed_at',
          'cases.answered_due_on',
          'cases.due_on',
        ])
        .where('cases.bureau_unit_id', '=', bureauUnitId)
        .where('cases.created_at', '<', filedBefore)
        .execute(),
    /** the information requests the annual report counts: applicant type, days, outcome */
    infoRequestRows: (bureauUnitId: number, filedBefore: string) =>
      db
        .selectFrom('cases')
        .select([
          'applicant_type',
          'applicant_org_kind',
          'status',
          'created_at',
          'replied_at',
          'closed_at',
          'answer_type',
          'answer_ground',
        ])
        .where('bureau_unit_id', '=', bureauUnitId)
        .where('kind', '=', 'infoRequest')
        .where('created_at', '<', filedBefore)
        .execute(),
    firstFiled: async (bureauUnitId: number) =>
      (
        await db
          .selectFrom('cases')
          .select((eb) => eb.fn.min('created_at').as('first'))
          .where('bureau_unit_id', '=', bureauUnitId)
          .executeTakeFirst()
      )?.first ?? null,

    countyOf: (unitPath: string) => countyBureauOf(db, unitPath),
    /** the units of a bureau outside its county bureaus: where the receiving handlers work */
    async receivingUnits(bureauPath: string) {
      const all = await unitsWithin(db, bureauPath);
      const counties = all.filter((u) => u.kind === 'countyBureau').map((u) => u.path);
      return all.filter((u) => !counties.some((c) => u.path.startsWith(c))).map((u) => u.id);
    },
    counties: (bureauPath: string) => countyBureausWithin(db, bureauPath),
    unitName: async (id: number) =>
      (await db.selectFrom('units').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null,
    unitPath: async (id: number) =>
      (await db.selectFrom('units').select('path').where('id', '=', id).executeTakeFirst())?.path ?? null,
  };
}
export type CasesRepo = ReturnType<typeof createCasesRepo>;
