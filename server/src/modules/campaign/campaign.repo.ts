// The campaign tables (campaigns, campaign_reports): the only place that queries them (decision 080).
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { withinOrAboveScope } from '../../db/expressions.ts';
import { updateVersioned } from '../../db/versioned.ts';

type Trx = Transaction<Database>;

export function createCampaignRepo(db: DB) {
  /** A campaign belongs to a bureau; staff see those of the bureau whose tree they are in. */
  const inScope = (scopePath: string) =>
    db
      .selectFrom('campaigns')
      .innerJoin('units', 'units.id', 'campaigns.owner_unit_id')
      .select([
        'campaigns.id',
        'campaigns.title',
        'campaigns.deadline',
        'campaigns.created_at',
        'campaigns.version',
        'units.path as owner_path',
      ])
      // the owner is inside the actor's scope (bureau staff) or above it (an officer's own bureau)
      .where(withinOrAboveScope('units.path', 'units.id', scopePath));

  return {
    list: (scopePath: string) => inScope(scopePath).orderBy('campaigns.deadline', 'desc').execute(),
    find: (scopePath: string, id: number) =>
      inScope(scopePath).where('campaigns.id', '=', id).executeTakeFirst(),

    async insert(trx: Trx, v: { ownerUnitId: number; title: string; deadline: string; at: string }) {
      const row = await trx
        .insertInto('campaigns')
        .values({
          owner_unit_id: v.ownerUnitId,
          title: v.title,
          deadline: v.deadline,
          is_demo: 0,
          created_at: v.at,
          updated_at: v.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async update(
      trx: Trx,
      id: number,
      version: number,
      set: { title: string; deadline: string; at: string },
    ) {
      return updateVersioned(trx, 'campaigns', id, version, {
        title: set.title,
        deadline: set.deadline,
        updated_at: set.at,
      });
    },

    /** unitId → the date it reported */
    async reports(campaignId: number) {
      const rows = await db
        .selectFrom('campaign_reports')
        .select(['unit_id', 'reported_on'])
        .where('campaign_id', '=', campaignId)
        .execute();
      return new Map(rows.map((r) => [r.unit_id, r.reported_on]));
    },

    async report(campaignId: number, unitId: number) {
      return db
        .selectFrom('campaign_reports')
        .select('reported_on')
        .where('campaign_id', '=', campaignId)
        .where('unit_id', '=', unitId)
        .executeTakeFirst();
    },

    /** records (or clears, with null) the date a unit reported */
    async setReport(
      trx: Trx,
      v: { campaignId: number; unitId: number; reportedOn: string | null; by: number; at: string },
    ) {
      await trx
        .deleteFrom('campaign_reports')
        .where('campaign_id', '=', v.campaignId)
        .where('unit_id', '=', v.unitId)
        .execute();
      if (v.reportedOn)
        await trx
          .insertInto('campaign_reports')
          .values({
            campaign_id: v.campaignId,
            unit_id: v.unitId,
            reported_on: v.reportedOn,
            recorded_by: v.by,
            recorded_at: v.at,
          })
          .execute();
    },
  };
}
export type CampaignRepo = ReturnType<typeof createCampaignRepo>;

/** A deleted unit's campaigns go with it, in the units service's transaction (decision 094). */
export async function deleteCampaignsOf(trx: Transaction<Database>, ownerUnitId: number) {
  await trx.deleteFrom('campaigns').where('owner_unit_id', '=', ownerUnitId).execute();
}
