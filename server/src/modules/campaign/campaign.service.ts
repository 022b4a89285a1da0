import { ASSESSED_UNIT_KINDS, chinaDate, type Campaign } from '@greenvoice/common';
import type { DB } from '../../db/database.ts';
import { nowIso } from '../../db/database.ts';
import { withinOrAboveScope, withinScope } from '../../db/expressions.ts';
import { conflict, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { buildBoard } from './campaign-board.ts';

type CampaignRow = { id: number; title: string; deadline: string; created_at: string; version: number };
const present = (r: CampaignRow): Campaign => ({
  id: r.id,
  title: r.title,
  deadline: r.deadline,
  createdAt: r.created_at,
  version: r.version,
});

export function createCampaignService({ db, audit }: { db: DB; audit: AuditService }) {
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

  async function getVisible(ctx: RequestContext, id: number) {
    const row = await inScope(requireActor(ctx).scopePath).where('campaigns.id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    return row;
  }

  return {
    async list(ctx: RequestContext) {
      const rows = await inScope(requireActor(ctx).scopePath).orderBy('campaigns.deadline', 'desc').execute();
      return { items: rows.map(present) };
    },

    async board(ctx: RequestContext, id: number) {
      const actor = requireActor(ctx);
      const campaign = await getVisible(ctx, id);
      let unitsQuery = db
        .selectFrom('units')
        .select(['id', 'name', 'kind'])
        .where(withinScope('path', campaign.owner_path))
        .where('kind', 'in', [...ASSESSED_UNIT_KINDS])
        .orderBy('sort_order')
        .orderBy('id');
      if (actor.scope === 'unit') unitsQuery = unitsQuery.where('id', '=', actor.unitId);
      const units = await unitsQuery.execute();
      const contacts = units.length
        ? await db
            .selectFrom('person_roles')
            .innerJoin('people', 'people.id', 'person_roles.person_id')
            .select([
              'people.id as personId',
              'people.unit_id as unitId',
              'people.name',
              'people.mobile',
              'person_roles.role',
              'person_roles.assigned_at as assignedAt',
            ])
            .where('person_roles.role', 'in', ['deputyLeader', 'officer'])
            .where(
              'people.unit_id',
              'in',
              units.map((u) => u.id),
            )
            .execute()
        : [];
      const board = buildBoard(
        units.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
        contacts.map((c) => ({ ...c, role: c.role as 'deputyLeader' | 'officer' })),
        campaign.deadline,
        chinaDate(nowIso()),
      );
      return { campaign: present(campaign), ...board };
    },

    async create(ctx: RequestContext, input: { title: string; deadline: string }) {
      const actor = requireActor(ctx);
      const id = await audit.transact(ctx, async (trx, record) => {
        const at = nowIso();
        const row = await trx
          .insertInto('campaigns')
          .values({
            owner_unit_id: actor.bureauUnitId,
            title: input.title.trim(),
            deadline: input.deadline,
            is_demo: 0,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await record({
          action: 'campaign.create',
          objectType: 'campaign',
          objectId: row.id,
          detail: { after: input },
        });
        return row.id;
      });
      return present(await getVisible(ctx, id));
    },

    async update(
      ctx: RequestContext,
      id: number,
      input: { version: number; title?: string; deadline?: string },
    ) {
      const current = await getVisible(ctx, id);
      if (current.version !== input.version) throw conflict();
      await audit.transact(ctx, async (trx, record) => {
        const r = await trx
          .updateTable('campaigns')
          .set({
            title: input.title?.trim() ?? current.title,
            deadline: input.deadline ?? current.deadline,
            version: current.version + 1,
            updated_at: nowIso(),
          })
          .where('id', '=', id)
          .where('version', '=', input.version)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw conflict();
        await record({
          action: 'campaign.update',
          objectType: 'campaign',
          objectId: id,
          detail: {
            before: { title: current.title, deadline: current.deadline },
            after: { title: input.title, deadline: input.deadline },
          },
        });
      });
      return present(await getVisible(ctx, id));
    },
  };
}
export type CampaignService = ReturnType<typeof createCampaignService>;
