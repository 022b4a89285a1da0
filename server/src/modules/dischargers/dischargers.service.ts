// Key discharging units and their disclosures: public search and detail arranged by the annual
// report's eight parts; staff create and edit (scoped, audited, versioned) and see what is overdue.
import {
  chinaNow,
  ANNUAL_REPORT_PARTS,
  ANNUAL_REPORT_PART_LABELS,
  CREDIT_CODE_PROBLEM_TEXT,
  DISCLOSURE_KIND_PART,
  checkCreditCode,
  type AnnualReportPart,
  type Discharger,
  type DischargerDetail,
  type DischargerInput,
  type DischargerUpdate,
  type EmissionRow,
  type Disclosure,
  type DisclosureInput,
  type DisclosureUpdate,
  type OverdueList,
} from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import type { DischargerDisclosuresTable, DischargersTable } from '../../db/types.ts';
import { ApiError, conflict, invalid, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import { createChangeRunner, type ContentChanges } from '../cms/content-changes.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { WorkingCalendarService } from '../working-calendar/working-calendar.service.ts';
import { pagedExport } from '../../spreadsheets/xlsx-export.ts';
import { obligations } from './deadlines.ts';
import { DISCHARGERS_EXPORT } from './dischargers-export.ts';
import { scopeOf, type CurrentSite } from '../cms/site-directory.ts';
import type { DischargersRepo } from './dischargers.repo.ts';

type Row<T> = Omit<T, 'id' | 'version'> & { id: number; version: number };

export function presentDischarger(r: Row<DischargersTable>): Discharger {
  return {
    id: r.id,
    name: r.name,
    creditCode: r.credit_code,
    county: r.county,
    industry: r.industry,
    permitNumber: r.permit_number,
    address: r.address,
    listedYear: r.listed_year,
    isDemo: r.is_demo === 1,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

export function presentDisclosure(r: Row<DischargerDisclosuresTable>): Disclosure {
  return {
    id: r.id,
    dischargerId: r.discharger_id,
    kind: r.kind,
    part: r.part as AnnualReportPart,
    title: r.title,
    content: r.content,
    year: r.year,
    eventDate: r.event_date,
    publishedOn: r.published_on,
    dueOn: r.due_on,
    parts: r.parts_json ? (JSON.parse(r.parts_json) as Record<string, string>) : null,
    emissions: r.emissions_json ? (JSON.parse(r.emissions_json) as EmissionRow[]) : null,
    docNumber: r.doc_number,
    amount: r.amount,
    version: r.version,
    createdAt: r.created_at,
  };
}

function creditCode(input: string): string {
  const c = checkCreditCode(input);
  if (!c.ok) {
    const t = CREDIT_CODE_PROBLEM_TEXT[c.problem!];
    throw invalid('/creditCode', t.zh, t.en);
  }
  return c.normalised;
}

/** What each kind of record must carry, beyond the title. */
function checkDisclosure(i: DisclosureInput) {
  if (i.kind === 'annual') {
    if (i.year === undefined)
      throw invalid('/year', '年度报告须填写报告年度', 'An annual report needs its year');
    if (!i.publishedOn)
      throw invalid('/publishedOn', '年度报告须填写披露日期', 'An annual report needs its publication date');
  }
  if ((i.kind === 'temporary' || i.kind === 'penalty') && !i.eventDate)
    throw invalid(
      '/eventDate',
      '须填写事项发生（或处罚决定）日期',
      'The event (or decision) date is required',
    );
  if (i.kind === 'emergencyPlan' && !i.publishedOn)
    throw invalid('/publishedOn', '须填写备案日期', 'The filing date is required');
  const today = chinaNow().date;
  for (const f of ['eventDate', 'publishedOn'] as const)
    if (i[f] && i[f]! > today) throw invalid(`/${f}`, '日期不能晚于今天', 'The date cannot be in the future');
  if (i.eventDate && i.publishedOn && i.publishedOn < i.eventDate)
    throw invalid('/publishedOn', '披露日期早于事项发生日期', 'Published before the event');
}

export function createDischargersService({
  repo,
  calendar,
  audit,
  changes,
  site,
}: {
  repo: DischargersRepo;
  calendar: WorkingCalendarService;
  audit: AuditService;
  /** the site of the request being served: the public list, search and detail are its bureau's (decision 197) */
  site: CurrentSite;
  /** the portal's change feed: every unit and disclosure change is announced to every app server */
  changes: ContentChanges;
}) {
  const change = createChangeRunner(audit, changes);
  async function visible(ctx: RequestContext, id: number) {
    const r = await repo.find(id, requireActor(ctx).scopePath);
    if (!r) throw notFound();
    return r;
  }

  const service = {
    /** The list's whole search result as .xlsx, through the list itself (decision 123). */
    exportXlsx: pagedExport(
      audit,
      DISCHARGERS_EXPORT,
      (_ctx, q: { q?: string; county?: string; industry?: string }): Promise<{ items: Discharger[] }> =>
        service.list(q),
    ),

    /** The portal's search over the site's enterprises (public data: no actor). */
    findPublic: async (words: string[], limit: number) =>
      repo.findPublic(words, limit, (await scopeOf(site)).path),

    async list(q: { q?: string; county?: string; industry?: string; page?: number; pageSize?: number }) {
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 20;
      const filter = {
        ...(q.q?.trim() ? { q: q.q.trim() } : {}),
        ...(q.county ? { county: q.county } : {}),
        ...(q.industry ? { industry: q.industry } : {}),
        scopePath: (await scopeOf(site)).path,
      };
      const { items, total } = await repo.list(filter, page, pageSize);
      return { items: items.map(presentDischarger), total, page, pageSize };
    },

    async detail(id: number, asOf = chinaNow().date): Promise<DischargerDetail> {
      const d = await repo.find(id, (await scopeOf(site)).path);
      if (!d) throw notFound();
      const records = (await repo.disclosures([id])).map(presentDisclosure);
      const annualReports = records
        .filter((r) => r.kind === 'annual')
        .sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
      const latest = annualReports[0] ?? null;
      const parts = ANNUAL_REPORT_PARTS.map((part) => ({
        part,
        label: ANNUAL_REPORT_PART_LABELS[part],
        annualText: latest?.parts?.[part] ?? null,
        annualYear: latest?.year ?? null,
        records: records.filter((r) => r.kind !== 'annual' && r.part === part),
      }));
      const cal = await calendar.load();
      const owed = obligations(
        { id, name: d.name, county: d.county, listedYear: d.listed_year },
        records,
        cal,
        asOf,
      );
      return { discharger: presentDischarger(d), parts, annualReports, obligations: owed };
    },

    async overdue(ctx: RequestContext, q: { asOf?: string; includeLate?: boolean }): Promise<OverdueList> {
      const asOf = q.asOf ?? chinaNow().date;
      const all = await repo.all(requireActor(ctx).scopePath);
      const records = await repo.disclosures(all.map((d) => d.id));
      const cal = await calendar.load();
      const items = all.flatMap((d) =>
        obligations(
          { id: d.id, name: d.name, county: d.county, listedYear: d.listed_year },
          records
            .filter((r) => r.discharger_id === d.id)
            .map((r) => ({
              id: r.id,
              kind: r.kind,
              title: r.title,
              year: r.year,
              eventDate: r.event_date,
              publishedOn: r.published_on,
            })),
          cal,
          asOf,
        ).filter((o) => o.status === 'overdue' || (q.includeLate !== false && o.status === 'late')),
      );
      items.sort((a, b) => b.daysLate - a.daysLate || a.dueOn.localeCompare(b.dueOn));
      return { asOf, items };
    },

    async create(ctx: RequestContext, input: DischargerInput): Promise<Discharger> {
      const { bureauUnitId } = requireActor(ctx);
      const code = creditCode(input.creditCode);
      if (await repo.codeTaken(code))
        throw new ApiError('DUPLICATE', [
          {
            field: '/creditCode',
            message: '该统一社会信用代码已登记',
            messageEn: 'This credit code is already registered',
          },
        ]);
      const id = await change(ctx, { topic: 'enterprises' }, async (trx, record) => {
        const at = nowIso();
        const { id } = await repo.insert(trx, {
          owner_unit_id: bureauUnitId,
          name: input.name.trim(),
          credit_code: code,
          county: input.county.trim(),
          industry: input.industry.trim(),
          permit_number: input.permitNumber?.trim() ?? null,
          address: input.address?.trim() ?? null,
          listed_year: input.listedYear,
          is_demo: 0,
          created_at: at,
          updated_at: at,
        });
        await record({
          action: 'discharger.create',
          objectType: 'discharger',
          objectId: id,
          detail: { after: input },
        });
        return id;
      });
      return presentDischarger((await repo.find(id))!);
    },

    async update(ctx: RequestContext, id: number, input: DischargerUpdate): Promise<Discharger> {
      const current = await visible(ctx, id);
      if (current.version !== input.version) throw conflict();
      const code = input.creditCode !== undefined ? creditCode(input.creditCode) : current.credit_code;
      if (code !== current.credit_code && (await repo.codeTaken(code, id)))
        throw new ApiError('DUPLICATE', [
          {
            field: '/creditCode',
            message: '该统一社会信用代码已登记',
            messageEn: 'This credit code is already registered',
          },
        ]);
      const { version, ...changes } = input;
      await change(ctx, { topic: 'enterprises' }, async (trx, record) => {
        const ok = await repo.update(trx, id, version, {
          name: changes.name?.trim() ?? current.name,
          credit_code: code,
          county: changes.county?.trim() ?? current.county,
          industry: changes.industry?.trim() ?? current.industry,
          permit_number:
            changes.permitNumber !== undefined
              ? (changes.permitNumber?.trim() ?? null)
              : current.permit_number,
          address: changes.address !== undefined ? (changes.address?.trim() ?? null) : current.address,
          listed_year: changes.listedYear ?? current.listed_year,
          updated_at: nowIso(),
        });
        if (!ok) throw conflict();
        await record({
          action: 'discharger.update',
          objectType: 'discharger',
          objectId: id,
          detail: { before: presentDischarger(current), after: changes },
        });
      });
      return presentDischarger((await repo.find(id))!);
    },

    async addDisclosure(
      ctx: RequestContext,
      dischargerId: number,
      input: DisclosureInput,
    ): Promise<Disclosure> {
      await visible(ctx, dischargerId);
      checkDisclosure(input);
      const id = await change(ctx, { topic: 'enterprises' }, async (trx, record) => {
        const at = nowIso();
        const { id } = await repo.insertDisclosure(trx, {
          discharger_id: dischargerId,
          kind: input.kind,
          part: input.kind === 'annual' ? 'basicInfo' : DISCLOSURE_KIND_PART[input.kind],
          title: input.title.trim(),
          content: input.content?.trim() ?? '',
          year: input.kind === 'annual' ? input.year! : null,
          event_date: input.eventDate ?? null,
          published_on: input.publishedOn ?? null,
          due_on: null,
          parts_json: input.kind === 'annual' ? JSON.stringify(input.parts ?? {}) : null,
          emissions_json: input.kind === 'annual' && input.emissions ? JSON.stringify(input.emissions) : null,
          doc_number: input.docNumber?.trim() ?? null,
          amount: input.amount ?? null,
          is_demo: 0,
          created_at: at,
          updated_at: at,
        });
        await record({
          action: 'disclosure.create',
          objectType: 'disclosure',
          objectId: id,
          detail: { dischargerId, after: input },
        });
        return id;
      });
      return presentDisclosure((await repo.findDisclosure(id))!);
    },

    async updateDisclosure(ctx: RequestContext, id: number, input: DisclosureUpdate): Promise<Disclosure> {
      const current = await repo.findDisclosure(id);
      if (!current) throw notFound();
      await visible(ctx, current.discharger_id);
      if (current.version !== input.version) throw conflict();
      const merged = {
        kind: current.kind,
        title: input.title ?? current.title,
        ...(current.year !== null ? { year: current.year } : {}),
        ...(current.event_date ? { eventDate: current.event_date } : {}),
        publishedOn: input.publishedOn !== undefined ? input.publishedOn : current.published_on,
      };
      checkDisclosure(merged);
      const { version, ...changes } = input;
      await change(ctx, { topic: 'enterprises' }, async (trx, record) => {
        const ok = await repo.updateDisclosure(trx, id, version, {
          title: input.title?.trim() ?? current.title,
          content: input.content?.trim() ?? current.content,
          published_on: merged.publishedOn,
          parts_json:
            input.parts && current.kind === 'annual' ? JSON.stringify(input.parts) : current.parts_json,
          emissions_json:
            input.emissions && current.kind === 'annual'
              ? JSON.stringify(input.emissions)
              : current.emissions_json,
          updated_at: nowIso(),
        });
        if (!ok) throw conflict();
        await record({
          action: 'disclosure.update',
          objectType: 'disclosure',
          objectId: id,
          detail: { before: presentDisclosure(current), after: changes },
        });
      });
      return presentDisclosure((await repo.findDisclosure(id))!);
    },
  };
  return service;
}
export type DischargersService = ReturnType<typeof createDischargersService>;
