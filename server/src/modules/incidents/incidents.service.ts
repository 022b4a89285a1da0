// Sudden environmental incident releases (突发环境事件信息发布) and their follow-ups. A release is
// public the moment it is recorded — that is what a release is; corrections are versioned and audited.
import { chinaNow } from '@greenvoice/common';
import type {
  FollowUpInput,
  Incident,
  IncidentInput,
  IncidentStatus,
  IncidentUpdate,
} from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import { conflict, invalid, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { IncidentsTable } from '../../db/types.ts';
import { createChangeRunner, type ContentChanges } from '../cms/content-changes.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { pagedExport } from '../../spreadsheets/xlsx-export.ts';
import { INCIDENTS_EXPORT } from './incidents-export.ts';
import type { IncidentsRepo } from './incidents.repo.ts';
import { scopeOf, type CurrentSite } from '../cms/site-directory.ts';

type IncidentRow = Omit<IncidentsTable, 'id' | 'version'> & { id: number; version: number };

export function createIncidentsService({
  repo,
  audit,
  changes,
  site,
}: {
  repo: IncidentsRepo;
  audit: AuditService;
  /** the site of the request being served: the public list and release are its bureau's (decision 197) */
  site: CurrentSite;
  /** the portal's change feed: every release and follow-up is announced to every app server */
  changes: ContentChanges;
}) {
  const change = createChangeRunner(audit, changes);
  const followUps = repo.followUps;
  const find = repo.find;
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
  const notFuture = (occurredAt: string) => {
    const now = chinaNow().minute;
    if (occurredAt > now)
      throw invalid(
        '/occurredAt',
        '发生时间不能晚于现在',
        'The time of the incident cannot be in the future',
      );
  };

  async function get(id: number): Promise<Incident> {
    const r = await find(id, (await scopeOf(site)).path);
    if (!r) throw notFound();
    return present(r, await followUps([id]));
  }

  const service = {
    /** Every release (of a status) as .xlsx, through the list itself (decision 123). */
    exportXlsx: pagedExport(
      audit,
      INCIDENTS_EXPORT,
      (_ctx, q: { status?: IncidentStatus }): Promise<{ items: Incident[] }> => service.list(q),
    ),

    async list(q: { status?: IncidentStatus; page?: number; pageSize?: number }) {
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 20;
      const { rows, total } = await repo.list(q.status, page, pageSize, (await scopeOf(site)).path);
      const ups = await followUps(rows.map((r) => r.id));
      return { items: rows.map((r) => present(r, ups)), total, page, pageSize };
    },

    get,

    async create(ctx: RequestContext, input: IncidentInput): Promise<Incident> {
      const { bureauUnitId } = requireActor(ctx);
      notFuture(input.occurredAt);
      const id = await change(ctx, { topic: 'incidents' }, async (trx, record) => {
        const at = nowIso();
        const { id } = await repo.insert(trx, {
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
        });
        await record({
          action: 'incident.create',
          objectType: 'incident',
          objectId: id,
          detail: { after: input },
        });
        return id;
      });
      return get(id);
    },

    async update(ctx: RequestContext, id: number, input: IncidentUpdate): Promise<Incident> {
      const current = await find(id, requireActor(ctx).scopePath);
      if (!current) throw notFound();
      if (current.version !== input.version) throw conflict();
      if (input.occurredAt) notFuture(input.occurredAt);
      const { version, ...changes } = input;
      await change(ctx, { topic: 'incidents' }, async (trx, record) => {
        const ok = await repo.update(trx, id, version, {
          ...(changes.title ? { title: changes.title.trim() } : {}),
          ...(changes.occurredAt ? { occurred_at: changes.occurredAt } : {}),
          ...(changes.county ? { county: changes.county.trim() } : {}),
          ...(changes.location ? { location: changes.location.trim() } : {}),
          ...(changes.level ? { level: changes.level } : {}),
          ...(changes.status ? { status: changes.status } : {}),
          ...(changes.summary ? { summary: changes.summary.trim() } : {}),
          updated_at: nowIso(),
        });
        if (!ok) throw conflict();
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
      return get(id);
    },

    async addFollowUp(ctx: RequestContext, id: number, input: FollowUpInput): Promise<Incident> {
      const current = await find(id, requireActor(ctx).scopePath);
      if (!current) throw notFound();
      await change(ctx, { topic: 'incidents' }, async (trx, record) => {
        const at = nowIso();
        const { id: followUpId } = await repo.insertFollowUp(trx, {
          incident_id: id,
          content: input.content.trim(),
          published_at: at,
        });
        await repo.touch(trx, id, {
          ...(input.closes ? { status: 'closed' } : {}),
          version: current.version + 1,
          updated_at: at,
        });
        await record({
          action: 'incident.followUp',
          objectType: 'incident',
          objectId: id,
          detail: { followUpId, closes: input.closes ?? false },
        });
      });
      return get(id);
    },
  };
  return service;
}
export type IncidentsService = ReturnType<typeof createIncidentsService>;
