// The only place that builds queries on the notification tables (decision 120): notifications and their
// recipients (the inbox), the delivery outbox, each bureau's channels and reminder settings.
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import type {
  Database,
  NotificationChannelsTable,
  NotificationDeliveriesTable,
  NotificationsTable,
} from '../../db/types.ts';
import type { Insertable } from 'kysely';
import { updateVersioned } from '../../db/versioned.ts';

type Q = Transaction<Database> | DB;

export function createNotificationsRepo(db: DB) {
  const inboxBase = (personId: number, unreadOnly: boolean) => {
    let q = db
      .selectFrom('notification_recipients as r')
      .innerJoin('notifications as n', 'n.id', 'r.notification_id')
      .where('r.person_id', '=', personId);
    if (unreadOnly) q = q.where('r.read_at', 'is', null);
    return q;
  };

  return {
    /** The notification, unless its bureau already has one with this dedupe key: then null. */
    async insertOnce(trx: Q, row: Insertable<NotificationsTable>): Promise<number | null> {
      const res = await trx
        .insertInto('notifications')
        .values(row)
        .onConflict((oc) => oc.columns(['bureau_unit_id', 'dedupe_key']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return res?.id ?? null;
    },

    async insertRecipients(trx: Q, notificationId: number, personIds: number[], at: string) {
      if (personIds.length === 0) return;
      await trx
        .insertInto('notification_recipients')
        .values(
          personIds.map((person_id) => ({ notification_id: notificationId, person_id, created_at: at })),
        )
        .execute();
    },

    async inbox(personId: number, unreadOnly: boolean, page: number, pageSize: number) {
      const total = await inboxBase(personId, unreadOnly)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const items = await inboxBase(personId, unreadOnly)
        .select([
          'n.id',
          'n.kind',
          'n.title_zh',
          'n.title_en',
          'n.body_zh',
          'n.body_en',
          'n.link',
          'r.created_at',
          'r.read_at',
        ])
        .orderBy('r.created_at', 'desc')
        .orderBy('n.id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return { items, total: Number(total.n) };
    },

    async unreadCount(personId: number, q: Q = db): Promise<number> {
      const row = await q
        .selectFrom('notification_recipients')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('person_id', '=', personId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Marks one (or, with no id, every) unread notification of the person read; answers how many. */
    async markRead(trx: Q, personId: number, at: string, notificationId?: number): Promise<number> {
      let q = trx
        .updateTable('notification_recipients')
        .set({ read_at: at })
        .where('person_id', '=', personId)
        .where('read_at', 'is', null);
      if (notificationId !== undefined) q = q.where('notification_id', '=', notificationId);
      const res = await q.executeTakeFirst();
      return Number(res.numUpdatedRows);
    },

    async isRecipient(personId: number, notificationId: number, q: Q = db): Promise<boolean> {
      return !!(await q
        .selectFrom('notification_recipients')
        .select('person_id')
        .where('person_id', '=', personId)
        .where('notification_id', '=', notificationId)
        .executeTakeFirst());
    },

    // ---- channels and settings ----

    enabledChannels: (bureauUnitId: number, q: Q = db) =>
      q
        .selectFrom('notification_channels')
        .select(['id', 'kind'])
        .where('bureau_unit_id', '=', bureauUnitId)
        .where('enabled', '=', 1)
        .orderBy('id')
        .execute(),

    channels: (bureauUnitId: number) =>
      db
        .selectFrom('notification_channels')
        .selectAll()
        .where('bureau_unit_id', '=', bureauUnitId)
        .orderBy('id')
        .execute(),

    findChannel: (id: number, bureauUnitId: number, q: Q = db) =>
      q
        .selectFrom('notification_channels')
        .selectAll()
        .where('id', '=', id)
        .where('bureau_unit_id', '=', bureauUnitId)
        .executeTakeFirst(),

    async insertChannel(trx: Q, row: Insertable<NotificationChannelsTable>) {
      return trx.insertInto('notification_channels').values(row).returningAll().executeTakeFirstOrThrow();
    },

    /** Writes the channel if its version is still `version`; undefined when someone changed it first. */
    async updateChannel(
      trx: Q,
      id: number,
      version: number,
      set: Pick<NotificationChannelsTable, 'name' | 'enabled' | 'settings_json' | 'secret' | 'updated_at'>,
    ) {
      if (!(await updateVersioned(trx, 'notification_channels', id, version, set))) return undefined;
      return trx
        .selectFrom('notification_channels')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    },

    settings: (bureauUnitId: number, q: Q = db) =>
      q
        .selectFrom('notification_settings')
        .selectAll()
        .where('bureau_unit_id', '=', bureauUnitId)
        .executeTakeFirst(),

    /** Writes the bureau's settings if their version is still `version` (0: none yet); false otherwise. */
    async saveSettings(trx: Q, bureauUnitId: number, version: number, json: string, at: string) {
      if (version === 0) {
        const res = await trx
          .insertInto('notification_settings')
          .values({ bureau_unit_id: bureauUnitId, settings_json: json, updated_at: at, version: 1 })
          .onConflict((oc) => oc.column('bureau_unit_id').doNothing())
          .executeTakeFirst();
        return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
      }
      return updateVersioned(trx, 'notification_settings', { bureau_unit_id: bureauUnitId }, version, {
        settings_json: json,
        updated_at: at,
      });
    },

    // ---- the outbox ----

    async insertDeliveries(trx: Q, rows: Insertable<NotificationDeliveriesTable>[]) {
      if (rows.length === 0) return;
      await trx
        .insertInto('notification_deliveries')
        .values(rows)
        .onConflict((oc) => oc.columns(['notification_id', 'channel_id', 'person_id']).doNothing())
        .execute();
    },

    /** Up to `limit` deliveries due at `now` that no server holds (or whose holder's lease ran out). */
    dueDeliveryIds: async (now: string, limit: number) =>
      (
        await db
          .selectFrom('notification_deliveries')
          .select('id')
          .where('state', '=', 'pending')
          .where('next_attempt_at', '<=', now)
          .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<=', now)]))
          .orderBy('next_attempt_at')
          .orderBy('id')
          .limit(limit)
          .execute()
      ).map((r) => r.id),

    /**
     * Takes one delivery for `holder` until `until`: one conditional UPDATE, so of several servers
     * trying the same row exactly one changes it (the pattern of jobs/job-lease.ts).
     */
    async claimDelivery(id: number, holder: string, now: string, until: string): Promise<boolean> {
      const res = await db
        .updateTable('notification_deliveries')
        .set({ lease_holder: holder, lease_expires_at: until })
        .where('id', '=', id)
        .where('state', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<=', now)]))
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    /** What one delivery needs: the notification, the channel, the person's contact details. */
    deliveryJob: (id: number) =>
      db
        .selectFrom('notification_deliveries as d')
        .innerJoin('notifications as n', 'n.id', 'd.notification_id')
        .innerJoin('notification_channels as c', 'c.id', 'd.channel_id')
        .leftJoin('people as p', 'p.id', 'd.person_id')
        .select([
          'd.id',
          'd.attempts',
          'd.person_id',
          'n.kind as notification_kind',
          'n.title_zh',
          'n.title_en',
          'n.body_zh',
          'n.body_en',
          'n.link',
          'c.id as channel_id',
          'c.kind as channel_kind',
          'c.enabled as channel_enabled',
          'c.settings_json',
          'c.secret',
          'p.name as person_name',
          'p.mobile',
          'p.email',
          'd.to_name',
          'd.to_mobile',
          'd.to_email',
        ])
        .where('d.id', '=', id)
        .executeTakeFirst(),

    /** The holder's attempt ended: sent, to be retried at `next`, or given up (failed). */
    async finishAttempt(
      id: number,
      holder: string,
      at: string,
      outcome:
        | { state: 'sent' }
        | { state: 'pending'; next: string; error: string }
        | { state: 'failed'; error: string },
    ) {
      await db
        .updateTable('notification_deliveries')
        .set((eb) => ({
          state: outcome.state,
          attempts: eb('attempts', '+', 1),
          last_attempt_at: at,
          lease_holder: null,
          lease_expires_at: null,
          ...(outcome.state === 'sent' ? { sent_at: at, last_error: null } : { last_error: outcome.error }),
          ...(outcome.state === 'pending' ? { next_attempt_at: outcome.next } : {}),
        }))
        .where('id', '=', id)
        .where('lease_holder', '=', holder)
        .execute();
    },

    /** A failed delivery tried again at once (the administrator's 重试). */
    async retry(trx: Q, id: number, bureauUnitId: number, at: string) {
      const res = await trx
        .updateTable('notification_deliveries')
        .set({ state: 'pending', next_attempt_at: at, attempts: 0 })
        .where('id', '=', id)
        .where('state', '=', 'failed')
        .where('channel_id', 'in', (eb) =>
          eb.selectFrom('notification_channels').select('id').where('bureau_unit_id', '=', bureauUnitId),
        )
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    async deliveries(
      bureauUnitId: number,
      f: { state?: 'pending' | 'sent' | 'failed' | 'retrying'; channelId?: number },
      page: number,
      pageSize: number,
    ) {
      const base = () => {
        let q = db
          .selectFrom('notification_deliveries as d')
          .innerJoin('notification_channels as c', 'c.id', 'd.channel_id')
          .innerJoin('notifications as n', 'n.id', 'd.notification_id')
          .leftJoin('people as p', 'p.id', 'd.person_id')
          .where('c.bureau_unit_id', '=', bureauUnitId);
        if (f.channelId) q = q.where('d.channel_id', '=', f.channelId);
        if (f.state === 'retrying') q = q.where('d.state', '=', 'pending').where('d.attempts', '>', 0);
        else if (f.state) q = q.where('d.state', '=', f.state);
        return q;
      };
      const total = await base()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const items = await base()
        .select([
          'd.id',
          'd.channel_id',
          'c.name as channel_name',
          'c.kind as channel_kind',
          'n.title_zh',
          'n.title_en',
          'n.kind',
          'p.name as person_name',
          'd.state',
          'd.attempts',
          'd.next_attempt_at',
          'd.last_attempt_at',
          'd.last_error',
          'd.sent_at',
          'd.created_at',
        ])
        .orderBy('d.id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return { items, total: Number(total.n) };
    },

    async deliveryCounts(bureauUnitId: number) {
      const rows = await db
        .selectFrom('notification_deliveries as d')
        .innerJoin('notification_channels as c', 'c.id', 'd.channel_id')
        .where('c.bureau_unit_id', '=', bureauUnitId)
        .where((eb) => eb.or([eb('d.state', '=', 'failed'), eb('d.attempts', '>', 0)]))
        .where('d.state', '!=', 'sent')
        .select(['d.state', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('d.state')
        .execute();
      const n = (s: string) => Number(rows.find((r) => r.state === s)?.n ?? 0);
      return { failed: n('failed'), retrying: n('pending') };
    },
  };
}
export type NotificationsRepo = ReturnType<typeof createNotificationsRepo>;
