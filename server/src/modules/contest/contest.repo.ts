// The only place that builds queries on the contest's tables (docs/contest.md). A contest belongs to a
// bureau; schools are scoped by their county unit's place in the tree; judges see sheets by person.
import type { Insertable, Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import { withinScope } from '../../db/expressions.ts';
import type {
  ContestAwardsTable,
  ContestSchoolsTable,
  ContestsTable,
  ContestState,
  ContestWorksTable,
  Database,
  PhotoTable,
} from '../../db/types.ts';

type Q = DB | Transaction<Database>;

export function createContestRepo(db: DB) {
  const contests = (q: Q = db) =>
    q
      .selectFrom('contests as c')
      .innerJoin('units as b', 'b.id', 'c.bureau_unit_id')
      .selectAll('c')
      .select('b.name as bureau_name')
      .select((eb) => [
        eb
          .selectFrom('contest_schools as x')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('x.contest_id', '=', 'c.id')
          .as('schools'),
        eb
          .selectFrom('contest_works as x')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('x.contest_id', '=', 'c.id')
          .as('works'),
        eb
          .selectFrom('contest_judges as x')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('x.contest_id', '=', 'c.id')
          .as('judges'),
        eb
          .selectFrom('contest_sheets as x')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('x.contest_id', '=', 'c.id')
          .as('sheets'),
        eb
          .selectFrom('contest_sheets as x')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('x.contest_id', '=', 'c.id')
          .where('x.total', 'is not', null)
          .as('scored'),
      ]);
  const schools = (q: Q = db) =>
    q
      .selectFrom('contest_schools as s')
      .innerJoin('units as u', 'u.id', 's.county_unit_id')
      .selectAll('s')
      .select(['u.name as county_name', 'u.path as county_path'])
      .select((eb) =>
        eb
          .selectFrom('contest_works as w')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('w.school_id', '=', 's.id')
          .as('works'),
      );
  const works = (q: Q = db) =>
    q
      .selectFrom('contest_works as w')
      .innerJoin('contest_schools as s', 's.id', 'w.school_id')
      .innerJoin('units as u', 'u.id', 's.county_unit_id')
      .leftJoin('contest_awards as a', 'a.work_id', 'w.id')
      .selectAll('w')
      .select([
        's.name as school_name',
        's.county_unit_id',
        's.names_consent',
        'u.name as county_name',
        'u.path as county_path',
        'a.rank as award',
        'a.score as award_score',
      ])
      // judges assigned to the work: once there are any, the work stays as they were given it
      .select((eb) =>
        eb
          .selectFrom('contest_sheets as h')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('h.work_id', '=', 'w.id')
          .as('judges'),
      );

  return {
    listContests: (bureauPath: string) =>
      contests().where(withinScope('b.path', bureauPath)).orderBy('c.year', 'desc').execute(),
    findContest: (id: number, bureauPath: string, q: Q = db) =>
      contests(q).where('c.id', '=', id).where(withinScope('b.path', bureauPath)).executeTakeFirst(),
    /** A site's locked contests (their awards are public), newest first: the portal's gallery. */
    lockedContests: (sitePath: string) =>
      contests()
        .where('c.state', '=', 'locked')
        .where(withinScope('b.path', sitePath))
        .orderBy('c.year', 'desc')
        .execute(),
    async insertContest(trx: Transaction<Database>, v: Insertable<ContestsTable>) {
      const { id } = await trx.insertInto('contests').values(v).returning('id').executeTakeFirstOrThrow();
      return id;
    },
    /** Moves the contest from one state to another; false when it was not in `from` (someone was first). */
    async setState(
      trx: Transaction<Database>,
      id: number,
      from: ContestState[],
      to: ContestState,
      extra: { approved_by?: number; approved_at?: string } = {},
    ) {
      const r = await trx
        .updateTable('contests')
        .set((eb) => ({ state: to, ...extra, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('state', 'in', from)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    schools: (contestId: number, scopePath: string, q: Q = db) =>
      schools(q)
        .where('s.contest_id', '=', contestId)
        .where(withinScope('u.path', scopePath))
        .orderBy('s.id')
        .execute(),
    findSchool: (id: number, contestId: number, scopePath: string, q: Q = db) =>
      schools(q)
        .where('s.id', '=', id)
        .where('s.contest_id', '=', contestId)
        .where(withinScope('u.path', scopePath))
        .executeTakeFirst(),
    findSchoolByName: (contestId: number, name: string, q: Q = db) =>
      q
        .selectFrom('contest_schools')
        .select('id')
        .where('contest_id', '=', contestId)
        .where('name', '=', name)
        .executeTakeFirst(),
    async insertSchool(trx: Transaction<Database>, v: Insertable<ContestSchoolsTable>) {
      const { id } = await trx
        .insertInto('contest_schools')
        .values(v)
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },

    works: (contestId: number, scopePath: string, q: Q = db) =>
      works(q)
        .where('w.contest_id', '=', contestId)
        .where(withinScope('u.path', scopePath))
        .orderBy('w.id')
        .execute(),
    findWork: (id: number, contestId: number, scopePath: string, q: Q = db) =>
      works(q)
        .where('w.id', '=', id)
        .where('w.contest_id', '=', contestId)
        .where(withinScope('u.path', scopePath))
        .executeTakeFirst(),
    /** The next blind code's number in a category. */
    async nextWorkNumber(trx: Transaction<Database>, contestId: number, category: string) {
      const r = await trx
        .selectFrom('contest_works')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('contest_id', '=', contestId)
        .where('category', '=', category)
        .executeTakeFirstOrThrow();
      return Number(r.n) + 1;
    },
    async insertWork(trx: Transaction<Database>, v: Insertable<ContestWorksTable>) {
      const { id } = await trx
        .insertInto('contest_works')
        .values(v)
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },
    photos: (workIds: number[], q: Q = db) =>
      workIds.length
        ? q
            .selectFrom('contest_work_photos')
            .selectAll()
            .where('owner_id', 'in', workIds)
            .orderBy('id')
            .execute()
        : Promise.resolve([]),
    async addPhoto(trx: Transaction<Database>, v: Insertable<PhotoTable>) {
      await trx.insertInto('contest_work_photos').values(v).execute();
    },

    judges: (contestId: number, q: Q = db) =>
      q
        .selectFrom('contest_judges as j')
        .innerJoin('people as p', 'p.id', 'j.person_id')
        .leftJoin('contest_schools as s', 's.id', 'j.school_id')
        .leftJoin('units as u', 'u.id', 'j.county_unit_id')
        .selectAll('j')
        .select(['p.name as person_name', 's.name as school_name', 'u.name as county_name'])
        .select((eb) => [
          eb
            .selectFrom('contest_sheets as h')
            .select((x) => x.fn.countAll<number>().as('n'))
            .whereRef('h.judge_id', '=', 'j.id')
            .as('assigned'),
          eb
            .selectFrom('contest_sheets as h')
            .select((x) => x.fn.countAll<number>().as('n'))
            .whereRef('h.judge_id', '=', 'j.id')
            .where('h.total', 'is not', null)
            .as('scored'),
        ])
        .where('j.contest_id', '=', contestId)
        .orderBy('j.id')
        .execute(),
    async insertJudge(trx: Transaction<Database>, v: Insertable<Database['contest_judges']>) {
      const { id } = await trx
        .insertInto('contest_judges')
        .values(v)
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },
    isJudge: (contestId: number, personId: number) =>
      db
        .selectFrom('contest_judges')
        .select('id')
        .where('contest_id', '=', contestId)
        .where('person_id', '=', personId)
        .executeTakeFirst(),

    sheetsOf: (contestId: number, q: Q = db) =>
      q.selectFrom('contest_sheets').selectAll().where('contest_id', '=', contestId).orderBy('id').execute(),
    async insertSheets(
      trx: Transaction<Database>,
      rows: Array<{ contest_id: number; work_id: number; judge_id: number }>,
    ) {
      if (rows.length) await trx.insertInto('contest_sheets').values(rows).execute();
    },
    /** A judge's sheets with what the judge may see of each work: no school, county or names. */
    blindSheets: (personId: number, q: Q = db, sheetId?: number) => {
      let s = q
        .selectFrom('contest_sheets as h')
        .innerJoin('contest_judges as j', 'j.id', 'h.judge_id')
        .innerJoin('contest_works as w', 'w.id', 'h.work_id')
        .innerJoin('contests as c', 'c.id', 'h.contest_id')
        .innerJoin('contest_schools as s', 's.id', 'w.school_id')
        .select([
          'h.id as sheet_id',
          'h.scores',
          'h.total',
          'h.comment',
          'h.judge_note',
          'h.scored_at',
          'c.id as contest_id',
          'c.title as contest_title',
          'c.rubric',
          'c.state',
          'c.judging_close_on',
          'w.id as work_id',
          'w.code',
          'w.category',
          'w.age_group',
          'w.title',
          'w.description',
          // for the server's own conflict check only; never presented
          'w.school_id',
          's.county_unit_id',
          'j.school_id as judge_school_id',
          'j.county_unit_id as judge_county_unit_id',
        ])
        .where('j.person_id', '=', personId);
      if (sheetId) s = s.where('h.id', '=', sheetId);
      return s.orderBy('c.year', 'desc').orderBy('w.code').execute();
    },
    async saveSheet(
      trx: Transaction<Database>,
      id: number,
      v: {
        scores: string;
        total: number;
        comment: string | null;
        judge_note: string | null;
        scored_at: string;
      },
    ) {
      await trx.updateTable('contest_sheets').set(v).where('id', '=', id).execute();
    },

    awards: (contestId: number, q: Q = db) =>
      q.selectFrom('contest_awards').selectAll().where('contest_id', '=', contestId).execute(),
    async replaceAwards(
      trx: Transaction<Database>,
      contestId: number,
      rows: Array<Insertable<ContestAwardsTable>>,
    ) {
      await trx.deleteFrom('contest_awards').where('contest_id', '=', contestId).execute();
      if (rows.length) await trx.insertInto('contest_awards').values(rows).execute();
    },
    /** The public gallery: the awarded works of a locked contest with their school and consent flag. */
    gallery: (contestId: number) =>
      works()
        .innerJoin('contests as c', 'c.id', 'w.contest_id')
        .where('w.contest_id', '=', contestId)
        .where('c.state', '=', 'locked')
        .where('a.rank', 'is not', null)
        .orderBy('a.position')
        .execute(),
    /** A photo the public may see: of an awarded work of a locked contest. */
    publicPhoto: (id: number, sitePath: string) =>
      db
        .selectFrom('contest_work_photos as p')
        .innerJoin('contest_works as w', 'w.id', 'p.owner_id')
        .innerJoin('contests as c', 'c.id', 'w.contest_id')
        .innerJoin('contest_awards as a', 'a.work_id', 'w.id')
        .innerJoin('units as b', 'b.id', 'c.bureau_unit_id')
        .select(['p.stored_name', 'p.media_type'])
        .where('p.id', '=', id)
        .where('c.state', '=', 'locked')
        .where(withinScope('b.path', sitePath))
        .executeTakeFirst(),
    photo: (id: number) =>
      db.selectFrom('contest_work_photos').selectAll().where('id', '=', id).executeTakeFirst(),
  };
}
export type ContestRepo = ReturnType<typeof createContestRepo>;
export type ContestRow = NonNullable<Awaited<ReturnType<ContestRepo['findContest']>>>;
export type WorkRow = Awaited<ReturnType<ContestRepo['works']>>[number];
export type BlindRow = Awaited<ReturnType<ContestRepo['blindSheets']>>[number];
