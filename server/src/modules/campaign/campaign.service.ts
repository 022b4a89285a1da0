import { ASSESSED_UNIT_KINDS, chinaDate, type Campaign } from '@greenvoice/common';
import type { DB } from '../../db/database.ts';
import { nowIso } from '../../db/database.ts';
import { ApiError, conflict, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { roleHoldersOf } from '../people/people.repo.ts';
import { unitsOfKinds } from '../units/units.repo.ts';
import { buildBoard } from './campaign-board.ts';
import { CAMPAIGN_EXPORT_COLUMNS } from './campaign-export.ts';
import { exportList, type ExportLang } from '../../spreadsheets/xlsx-export.ts';
import type { CampaignRepo } from './campaign.repo.ts';

type CampaignRow = { id: number; title: string; deadline: string; created_at: string; version: number };
const present = (r: CampaignRow): Campaign => ({
  id: r.id,
  title: r.title,
  deadline: r.deadline,
  createdAt: r.created_at,
  version: r.version,
});

export function createCampaignService({
  db,
  repo,
  audit,
}: {
  db: DB;
  repo: CampaignRepo;
  audit: AuditService;
}) {
  async function getVisible(ctx: RequestContext, id: number) {
    const row = await repo.find(requireActor(ctx).scopePath, id);
    if (!row) throw notFound();
    return row;
  }

  async function board(ctx: RequestContext, id: number) {
    const actor = requireActor(ctx);
    const campaign = await getVisible(ctx, id);
    const units = await unitsOfKinds(
      db,
      campaign.owner_path,
      ASSESSED_UNIT_KINDS,
      actor.scope === 'unit' ? actor.unitId : null,
    );
    const contacts = await roleHoldersOf(
      db,
      units.map((u) => u.id),
      ['deputyLeader', 'officer'],
    );
    const built = buildBoard(
      units.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
      contacts.map((c) => ({ ...c, role: c.role as 'deputyLeader' | 'officer' })),
      campaign.deadline,
      chinaDate(nowIso()),
      await repo.reports(campaign.id),
    );
    return { campaign: present(campaign), ...built };
  }

  return {
    async list(ctx: RequestContext) {
      return { items: (await repo.list(requireActor(ctx).scopePath)).map(present) };
    },

    board,

    /** The board as .xlsx (decision 126): every unit of it, as the console shows them. */
    async exportXlsx(ctx: RequestContext, id: number, lang?: ExportLang) {
      const { campaign, rows } = await board(ctx, id);
      return exportList(
        audit,
        ctx,
        'campaign',
        { campaignId: id },
        {
          sheet: { zh: `联络人登记-${campaign.title}`.slice(0, 31), en: 'Contact registration' },
          columns: CAMPAIGN_EXPORT_COLUMNS,
          rows,
          lang,
        },
      );
    },

    async create(ctx: RequestContext, input: { title: string; deadline: string }) {
      const actor = requireActor(ctx);
      const id = await audit.transact(ctx, async (trx, record) => {
        const id = await repo.insert(trx, {
          ownerUnitId: actor.bureauUnitId,
          title: input.title.trim(),
          deadline: input.deadline,
          at: nowIso(),
        });
        await record({
          action: 'campaign.create',
          objectType: 'campaign',
          objectId: id,
          detail: { after: input },
        });
        return id;
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
        const ok = await repo.update(trx, id, input.version, {
          title: input.title?.trim() ?? current.title,
          deadline: input.deadline ?? current.deadline,
          at: nowIso(),
        });
        if (!ok) throw conflict();
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

    /** The date the unit reported its contacts (its letter's date), recorded by the bureau (decision 135). */
    async recordReport(
      ctx: RequestContext,
      id: number,
      input: { unitId: number; reportedOn: string | null },
    ) {
      const actor = requireActor(ctx);
      const campaign = await getVisible(ctx, id);
      const unit = (await unitsOfKinds(db, campaign.owner_path, ASSESSED_UNIT_KINDS, input.unitId))[0];
      if (!unit)
        throw new ApiError('UNPROCESSABLE', [
          {
            field: '/unitId',
            message: '该单位不在本次登记范围内',
            messageEn: 'This unit is not part of the campaign',
          },
        ]);
      if (input.reportedOn && input.reportedOn > chinaDate(nowIso()))
        throw new ApiError('UNPROCESSABLE', [
          {
            field: '/reportedOn',
            message: '报送日期不能晚于今天',
            messageEn: 'The report date cannot be in the future',
          },
        ]);
      const before = (await repo.report(id, input.unitId))?.reported_on ?? null;
      await audit.transact(ctx, async (trx, record) => {
        await repo.setReport(trx, {
          campaignId: id,
          unitId: input.unitId,
          reportedOn: input.reportedOn,
          by: actor.personId,
          at: nowIso(),
        });
        await record({
          action: 'campaign.report',
          objectType: 'campaign',
          objectId: id,
          detail: { unitId: input.unitId, unitName: unit.name, before, after: input.reportedOn },
        });
      });
      return board(ctx, id);
    },
  };
}
export type CampaignService = ReturnType<typeof createCampaignService>;
