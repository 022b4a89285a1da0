// Sudden environmental incident releases (突发环境事件信息发布) and their follow-ups. A release is
// public the moment it is recorded — that is what a release is; corrections are versioned and audited.
import type {
  FollowUpInput,
  Incident,
  IncidentInput,
  IncidentStatus,
  IncidentUpdate,
} from '@greenvoice/common';
import type { DB } from '../../db/database.ts';
import { nowIso } from '../../db/database.ts';
import { conflict, invalid, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { IncidentsTable } from '../../db/types.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { ownedWithinScope } from '../../db/expressions.ts';

type IncidentRow = Omit<IncidentsTable, 'id' | 'version'> & { id: number; version: number };

export function createIncidentsService({ db, audit }: { db: DB; audit: AuditService }) {
  async function followUps(ids: number[]) {
    return db
      .selectFrom('incident_follow_ups')
      .selectAll()
      .where('incident_id', 'in', ids.length ? ids : [0])
      .orderBy('published_at')
      .orderBy('id')
      .execute();
  }
  function present(r: IncidentRow, ups: Awaited<ReturnType<typeof followUps>>): Incident {
    return {
      id: r.id,
      title: r.title,
      occurredAt: r.occurred_at,
      county: r.county,
      location: r.location,
      level: r.level,
      status: r.status,
      summary: r.summary,
      publishedAt: r.published_at,
      isDemo: r.is_demo === 1,
      version: r.version,
      updatedAt: r.updated_at,
      followUps: ups
        .filter((u) => u.incident_id === r.id)
        .map((u) => ({ id: u.id, publishedAt: u.published_at, content: u.content })),
    };
  }
  const find = (id: number, scopePath?: string) => {
    let q = db.selectFrom('incidents').selectAll().where('id', '=', id);
    if (scopePath) q = q.where(ownedWithinScope('owner_unit_id', scopePath));
    return q.executeTakeFirst();
  };
  const notFuture = (occurredAt: string) => {
    const now = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16);
    if (occurredAt > now)
      throw invalid(
        '/occurredAt',
        '发生时间不能晚于现在',
        'The time of the incident cannot be in the future',
      );
  };

  return {
    async list(q: { status?: IncidentStatus; page?: number; pageSize?: number }) {
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 20;
      let base = db.selectFrom('incidents');
      if (q.status) base = base.where('status', '=', q.status);
      const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await base
        .selectAll()
        .orderBy('occurred_at', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      const ups = await followUps(rows.map((r) => r.id));
      return { items: rows.map((r) => present(r, ups)), total: Number(total.n), page, pageSize };
    },

    async get(id: number): Promise<Incident> {
      const r = await find(id);
      if (!r) throw notFound();
      return present(r, await followUps([id]));
    },

    async create(ctx: RequestContext, input: IncidentInput): Promise<Incident> {
      const { bureauUnitId } = requireActor(ctx);
      notFuture(input.occurredAt);
      const id = await audit.transact(ctx, async (trx, record) => {
        const at = nowIso();
        const { id } = await trx
          .insertInto('incidents')
          .values({
            owner_unit_id: bureauUnitId,
            title: input.title.trim(),
            occurred_at: input.occurredAt,
            county: input.county.trim(),
            location: input.location.trim(),
            level: input.level,
            status: input.status,
            summary: input.summary.trim(),
            published_at: at,
            is_demo: 0,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await record({
          action: 'incident.create',
          objectType: 'incident',
          objectId: id,
          detail: { after: input },
        });
        return id;
      });
      return this.get(id);
    },

    async update(ctx: RequestContext, id: number, input: IncidentUpdate): Promise<Incident> {
      const current = await find(id, requireActor(ctx).scopePath);
      if (!current) throw notFound();
      if (current.version !== input.version) throw conflict();
      if (input.occurredAt) notFuture(input.occurredAt);
      const { version, ...changes } = input;
      await audit.transact(ctx, async (trx, record) => {
        const r = await trx
          .updateTable('incidents')
          .set({
            ...(changes.title ? { title: changes.title.trim() } : {}),
            ...(changes.occurredAt ? { occurred_at: changes.occurredAt } : {}),
            ...(changes.county ? { county: changes.county.trim() } : {}),
            ...(changes.location ? { location: changes.location.trim() } : {}),
            ...(changes.level ? { level: changes.level } : {}),
            ...(changes.status ? { status: changes.status } : {}),
            ...(changes.summary ? { summary: changes.summary.trim() } : {}),
            version: version + 1,
            updated_at: nowIso(),
          })
          .where('id', '=', id)
          .where('version', '=', version)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw conflict();
        await record({
          action: 'incident.update',
          objectType: 'incident',
          objectId: id,
          detail: {
            before: { title: current.title, status: current.status, summary: current.summary },
            after: changes,
          },
        });
      });
      return this.get(id);
    },

    async addFollowUp(ctx: RequestContext, id: number, input: FollowUpInput): Promise<Incident> {
      const current = await find(id, requireActor(ctx).scopePath);
      if (!current) throw notFound();
      await audit.transact(ctx, async (trx, record) => {
        const at = nowIso();
        const { id: followUpId } = await trx
          .insertInto('incident_follow_ups')
          .values({ incident_id: id, content: input.content.trim(), published_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('incidents')
          .set({
            ...(input.closes ? { status: 'closed' } : {}),
            version: current.version + 1,
            updated_at: at,
          })
          .where('id', '=', id)
          .execute();
        await record({
          action: 'incident.followUp',
          objectType: 'incident',
          objectId: id,
          detail: { followUpId, closes: input.closes ?? false },
        });
      });
      return this.get(id);
    },
  };
}
export type IncidentsService = ReturnType<typeof createIncidentsService>;
