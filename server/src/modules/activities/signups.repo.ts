// Queries on sign-up events and sign-ups (docs/activities.md "Sign-ups"). Seats are taken only by one
// conditional UPDATE — `taken + n <= capacity` in its WHERE — so two requests for the last seat cannot
// both succeed: on PostgreSQL the second waits for the first's row lock and re-checks the condition, on
// SQLite writes are serialised. Nothing reads a count and then writes.
import type { Insertable, Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import { withinScope } from '../../db/expressions.ts';
import type { Database, SignupEventsTable, SignupsTable, SignupStatus } from '../../db/types.ts';

type Q = DB | Transaction<Database>;

export function createSignupsRepo(db: DB) {
  const events = (q: Q = db) =>
    q
      .selectFrom('signup_events as e')
      .leftJoin('education_registry as b', 'b.id', 'e.base_id')
      .selectAll('e')
      .select('b.name as base_name')
      .select((eb) =>
        eb
          .selectFrom('signups as s')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('s.event_id', '=', 'e.id')
          .where('s.status', '=', 'waiting')
          .as('waiting'),
      );
  return {
    async insertEvent(trx: Transaction<Database>, v: Insertable<SignupEventsTable>) {
      const { id } = await trx
        .insertInto('signup_events')
        .values(v)
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },
    /** Events of the bureaus inside a scope (a staff member's whole bureau, or a province). */
    listEvents: (scopePath: string) =>
      events()
        .innerJoin('units as u', 'u.id', 'e.bureau_unit_id')
        .where(withinScope('u.path', scopePath))
        .orderBy('e.starts_at', 'desc')
        .execute(),
    findEvent: (id: number, q: Q = db) => events(q).where('e.id', '=', id).executeTakeFirst(),
    /** Events of a site's bureaus still open for sign-up, soonest first (the portal). */
    openEvents: (now: string, scopePath: string) =>
      events()
        .innerJoin('units as u', 'u.id', 'e.bureau_unit_id')
        .where(withinScope('u.path', scopePath))
        .where('e.closes_at', '>', now)
        .orderBy('e.starts_at')
        .limit(50)
        .execute(),
    /** One event if it belongs to a bureau within the scope (a site's). */
    findWithin: (id: number, scopePath: string) =>
      events()
        .innerJoin('units as u', 'u.id', 'e.bureau_unit_id')
        .where(withinScope('u.path', scopePath))
        .where('e.id', '=', id)
        .executeTakeFirst(),

    /**
     * The education bases of a site's bureaus that are in good standing, with the county's name (the
     * portal's 环境教育基地 page), and their visiting slots still open for booking, soonest first.
     */
    publicBases: (scopePath: string) =>
      db
        .selectFrom('education_registry as b')
        .innerJoin('units as u', 'u.id', 'b.bureau_unit_id')
        .where(withinScope('u.path', scopePath))
        .where('b.kind', '=', 'educationBase')
        .where('b.status', '=', 'active')
        .select(['b.id', 'b.name', 'b.county', 'b.level', 'b.year_awarded'])
        .orderBy('b.level')
        .orderBy('b.year_awarded', 'desc')
        .orderBy('b.id')
        .execute(),
    openSlots: (now: string, baseIds: number[]) =>
      baseIds.length === 0
        ? Promise.resolve([])
        : events()
            .where('e.base_id', 'in', baseIds)
            .where('e.closes_at', '>', now)
            .orderBy('e.starts_at')
            .execute(),
    /** A bureau's education base in good standing, the only kind a visiting slot may open. */
    findOpenBase: (bureauUnitId: number, id: number) =>
      db
        .selectFrom('education_registry')
        .select(['id', 'name'])
        .where('id', '=', id)
        .where('bureau_unit_id', '=', bureauUnitId)
        .where('kind', '=', 'educationBase')
        .where('status', '=', 'active')
        .executeTakeFirst(),

    /** Takes n seats if they are free; false when they are not (nothing changed). */
    async takeSeats(trx: Transaction<Database>, eventId: number, n: number): Promise<boolean> {
      const r = await trx
        .updateTable('signup_events')
        .set((eb) => ({ taken: eb('taken', '+', n) }))
        .where('id', '=', eventId)
        .where((eb) => eb(eb('taken', '+', n), '<=', eb.ref('capacity')))
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async releaseSeats(trx: Transaction<Database>, eventId: number, n: number) {
      await trx
        .updateTable('signup_events')
        .set((eb) => ({ taken: eb('taken', '-', n) }))
        .where('id', '=', eventId)
        .execute();
    },
    async insertSignup(trx: Transaction<Database>, v: Insertable<SignupsTable>) {
      const { id } = await trx.insertInto('signups').values(v).returning('id').executeTakeFirstOrThrow();
      return id;
    },
    /** The sign-up an event's form with this token made, if any (a repeated form; decision 200). */
    findByFormToken: (eventId: number, token: string, q: Q = db) =>
      q
        .selectFrom('signups')
        .selectAll()
        .where('event_id', '=', eventId)
        .where('form_token', '=', token)
        .executeTakeFirst(),
    findByCode: (code: string, q: Q = db) =>
      q.selectFrom('signups').selectAll().where('code', '=', code).executeTakeFirst(),
    /** Moves a sign-up from one status to another; false when someone else moved it first. */
    async setStatus(
      trx: Transaction<Database>,
      id: number,
      from: SignupStatus,
      to: SignupStatus,
      at: string,
    ) {
      const r = await trx
        .updateTable('signups')
        .set({ status: to, updated_at: at })
        .where('id', '=', id)
        .where('status', '=', from)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    waiting: (trx: Transaction<Database>, eventId: number) =>
      trx
        .selectFrom('signups')
        .selectAll()
        .where('event_id', '=', eventId)
        .where('status', '=', 'waiting')
        .orderBy('id')
        .execute(),
    /** How many wait ahead of sign-up `id` on its event's list. */
    async waitingBefore(eventId: number, id: number) {
      const r = await db
        .selectFrom('signups')
        .select((x) => x.fn.countAll<number>().as('n'))
        .where('event_id', '=', eventId)
        .where('status', '=', 'waiting')
        .where('id', '<', id)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    /** Confirmed sign-ups with a mobile or e-mail whose event starts in [from, to) (the reminder). */
    toRemind: (from: string, to: string) =>
      db
        .selectFrom('signups as s')
        .innerJoin('signup_events as e', 'e.id', 's.event_id')
        .select([
          's.id',
          's.code',
          's.name',
          's.group_size',
          's.mobile',
          's.email',
          'e.title',
          'e.place',
          'e.starts_at',
          'e.bureau_unit_id',
        ])
        .where('s.status', '=', 'confirmed')
        .where('e.starts_at', '>=', from)
        .where('e.starts_at', '<', to)
        .where((eb) => eb.or([eb('s.mobile', 'is not', null), eb('s.email', 'is not', null)]))
        .orderBy('s.id')
        .execute(),
    signupsOf: (eventId: number) =>
      db.selectFrom('signups').selectAll().where('event_id', '=', eventId).orderBy('id').execute(),
  };
}
export type SignupsRepo = ReturnType<typeof createSignupsRepo>;
