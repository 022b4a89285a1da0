// The database lease that makes a scheduled job run once across several app servers. Each server's
// scheduler fires the same cron tick; each tries one conditional UPDATE, and the database lets exactly
// one of them change the row (SQLite has one writer; PostgreSQL re-checks the WHERE after a row lock).
import type { DB } from '../db/database.ts';
import { nowIso } from '../db/database.ts';

export function createJobLeases(db: DB) {
  return {
    /**
     * Claims the run scheduled at `tick` for `holder`: succeeds only if no server has claimed this tick
     * (or a later one) and no other server still holds an unexpired lease (a run still going).
     */
    async claim(name: string, tick: string, holder: string, ttlMs: number): Promise<boolean> {
      await db
        .insertInto('job_leases')
        .values({ name, runs: 0 })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const now = nowIso();
      const res = await db
        .updateTable('job_leases')
        .set((eb) => ({
          holder,
          expires_at: new Date(Date.now() + ttlMs).toISOString(),
          last_tick: tick,
          runs: eb('runs', '+', 1),
        }))
        .where('name', '=', name)
        .where((eb) => eb.or([eb('last_tick', 'is', null), eb('last_tick', '<', tick)]))
        .where((eb) =>
          eb.or([eb('expires_at', 'is', null), eb('expires_at', '<=', now), eb('holder', '=', holder)]),
        )
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    /** Ends the holder's lease and notes how the run went. */
    async release(name: string, holder: string, result: string): Promise<void> {
      await db
        .updateTable('job_leases')
        .set({ expires_at: nowIso(), last_finished_at: nowIso(), last_result: result.slice(0, 500) })
        .where('name', '=', name)
        .where('holder', '=', holder)
        .execute();
    },

    async get(name: string) {
      return db.selectFrom('job_leases').selectAll().where('name', '=', name).executeTakeFirst();
    },
  };
}
export type JobLeases = ReturnType<typeof createJobLeases>;
