// The annual government-information-disclosure report (条例 art. 49–50; decision 148): the national
// template's sections and tables, counted from the system's own data — the portal's publications of
// the year by catalogue category, the information requests by applicant and outcome — with the parts
// the system cannot know (rules, enforcement, fees, review and litigation, the texts) entered by staff.
// It is made as Word by the one GB/T 9704 generator, and becomes a draft article in the annual-report
// channel (信息公开 › 年度报告) that goes through the portal's usual reviews.
import {
  chinaDayStart,
  ANNUAL_REPORT_CHANNEL,
  EMPTY_ENTERED,
  buildDisclosureReport,
  chinaDate,
  requestOutcomeKey,
  type DisclosureReport,
  type DisclosureReportEntered,
  type DisclosureReportSave,
  type DisclosureReportView,
} from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import { ApiError, conflict } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { renderOfficialDocument, type OfficialDocument } from '../bulletins/official-document-on-demand.ts';
import type { CmsFilesService } from '../cms/cms-files.service.ts';
import type { CmsService } from '../cms/cms.service.ts';
import type { createDisclosureCatalogueRepo } from '../cms/disclosure-catalogue.repo.ts';
import type { CasesRepo } from './cases.repo.ts';
import type { ConsultationsRepo } from './consultations.repo.ts';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cnDate = (d: string) =>
  `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export function createDisclosureReportService(deps: {
  cases: CasesRepo;
  repo: ConsultationsRepo;
  catalogue: ReturnType<typeof createDisclosureCatalogueRepo>;
  audit: AuditService;
  cms: CmsService;
  cmsFiles: CmsFilesService;
  today?: () => string;
}) {
  const today = deps.today ?? (() => chinaDate(nowIso()));

  async function build(bureauUnitId: number, year: number, entered: DisclosureReportEntered) {
    const from = chinaDayStart(`${year}-01-01`);
    const to = chinaDayStart(`${year + 1}-01-01`);
    const [fig, requests, bureau] = await Promise.all([
      deps.catalogue.yearFigures(bureauUnitId, from, to),
      deps.cases.infoRequestRows(bureauUnitId, to),
      deps.cases.unitName(bureauUnitId),
    ]);
    const count = (category: string, validity?: string) =>
      fig.rows
        .filter(
          (r) => r.disclosure_category === category && (validity === undefined || r.validity === validity),
        )
        .reduce((s, r) => s + r.n, 0);
    return buildDisclosureReport({
      year,
      bureau: bureau ?? '',
      entered,
      proactive: {
        normativeMade: count('regulation'),
        normativeRepealed: count('regulation', 'repealed'),
        normativeInForce: fig.regulationsInForce,
        licensing: count('licensing'),
        penalty: count('penalty'),
        published: fig.rows.reduce((s, r) => s + r.n, 0),
      },
      requests: requests.map((r) => {
        const withdrawn = r.status === 'withdrawn';
        const done = r.replied_at ?? (withdrawn ? r.closed_at : null);
        return {
          applicantType: r.applicant_type,
          organisationKind: r.applicant_org_kind,
          filedOn: chinaDate(r.created_at),
          doneOn: done ? chinaDate(done) : null,
          outcome: requestOutcomeKey({ answerType: r.answer_type, ground: r.answer_ground, withdrawn }),
        };
      }),
    });
  }

  async function stored(bureauUnitId: number, year: number) {
    const row = await deps.repo.report(bureauUnitId, year);
    const entered: DisclosureReportEntered = row
      ? { ...EMPTY_ENTERED, ...(JSON.parse(row.entered) as Partial<DisclosureReportEntered>) }
      : EMPTY_ENTERED;
    return { row, entered };
  }

  /** The report as one official document: each section's heading and text, its tables after it. */
  function document(r: DisclosureReport, issuer: string): OfficialDocument {
    const body: string[] = [];
    const tables: NonNullable<OfficialDocument['tables']> = [];
    for (const [i, s] of r.sections.entries()) {
      body.push(s.heading, ...s.paragraphs);
      for (const t of r.tables.filter((x) => x.section === i + 1))
        tables.push({
          caption: t.caption,
          headers: t.headers,
          rows: t.rows,
          widths: t.widths,
          after: body.length - 1,
        });
    }
    return {
      issuer,
      docNumber: '',
      title: r.title,
      addressee: '',
      body: [
        `本报告根据《中华人民共和国政府信息公开条例》第五十条要求编制，数据统计期限为${r.year}年1月1日至12月31日。`,
        ...body,
      ],
      tables: tables.map((t) => ({ ...t, after: (t.after ?? 0) + 1 })),
      date: cnDate(today()),
      printedBy: `${issuer}办公室`,
    };
  }

  function articleHtml(r: DisclosureReport): string {
    const e = escapeHtml;
    const parts: string[] = [];
    for (const [i, s] of r.sections.entries()) {
      parts.push(`<h2>${e(s.heading)}</h2>`, ...s.paragraphs.map((p) => `<p>${e(p)}</p>`));
      for (const t of r.tables.filter((x) => x.section === i + 1))
        parts.push(
          `<p><strong>${e(t.caption)}</strong></p><table><thead><tr>${t.headers.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${t.rows
            .map((row) => `<tr>${row.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`)
            .join('')}</tbody></table>`,
        );
    }
    return parts.join('');
  }

  async function view(ctx: RequestContext, year: number): Promise<DisclosureReportView> {
    const actor = requireActor(ctx);
    const { row, entered } = await stored(actor.bureauUnitId, year);
    const r = await build(actor.bureauUnitId, year, entered);
    return { ...r, entered, articleId: row?.article_id ?? null, version: row?.version ?? 0 };
  }

  async function docx(ctx: RequestContext, year: number) {
    const actor = requireActor(ctx);
    const { entered } = await stored(actor.bureauUnitId, year);
    const r = await build(actor.bureauUnitId, year, entered);
    const issuer = (await deps.cases.unitName(actor.bureauUnitId)) ?? '';
    return { body: await renderOfficialDocument(document(r, issuer)), filename: `${r.title}.docx` };
  }

  return {
    view,

    async save(ctx: RequestContext, year: number, input: DisclosureReportSave) {
      const actor = requireActor(ctx);
      const { row } = await stored(actor.bureauUnitId, year);
      if ((row?.version ?? 0) !== input.version) throw conflict();
      const at = nowIso();
      await deps.audit.transact(ctx, async (trx, record) => {
        const entered = JSON.stringify(input.entered);
        if (row) {
          if (
            !(await deps.repo.updateReport(trx, row.id, row.version, {
              entered,
              updated_by: actor.personId,
              updated_at: at,
            }))
          )
            throw conflict();
        } else
          await deps.repo.insertReport(trx, {
            bureau_unit_id: actor.bureauUnitId,
            year,
            entered,
            article_id: null,
            updated_by: actor.personId,
            created_at: at,
            updated_at: at,
          });
        await record({
          action: 'disclosureReport.save',
          objectType: 'disclosure_report',
          objectId: year,
          detail: { year },
        });
      });
      return view(ctx, year);
    },

    docx,

    /** A draft article in the annual-report channel with the report's text, tables and the Word file;
     *  it is published through the usual reviews. Made once per year. */
    async makeArticle(ctx: RequestContext, year: number): Promise<DisclosureReportView> {
      const actor = requireActor(ctx);
      const { row } = await stored(actor.bureauUnitId, year);
      if (!row) throw conflict();
      if (row.article_id !== null)
        throw new ApiError('INVALID_TRANSITION', undefined, {
          zh: '该年度报告已生成网站稿件，请在稿件管理中修改',
          en: 'The article for this report exists already: change it in the articles',
        });
      const channel = await deps.catalogue.channelByCode(actor.bureauUnitId, ANNUAL_REPORT_CHANNEL);
      if (!channel)
        throw new ApiError('UNPROCESSABLE', undefined, {
          zh: `网站没有年度报告栏目（代码 ${ANNUAL_REPORT_CHANNEL}）`,
          en: `The portal has no annual-report channel (code ${ANNUAL_REPORT_CHANNEL})`,
        });
      const report = await view(ctx, year);
      const issuer = (await deps.cases.unitName(actor.bureauUnitId)) ?? '';
      const article = await deps.cms.createArticle(ctx, {
        channelId: channel.id,
        title: report.title,
        bodyHtml: articleHtml(report),
        disclosureCategory: 'annual-report',
        disclosureMethod: 'active',
        validity: 'valid',
        writtenOn: today(),
        issuer,
      });
      const file = await docx(ctx, year);
      await deps.cmsFiles.uploadAttachment(ctx, article.id, { filename: file.filename, bytes: file.body });
      await deps.audit.transact(ctx, async (trx, record) => {
        if (
          !(await deps.repo.updateReport(trx, row.id, row.version, {
            article_id: article.id,
            updated_at: nowIso(),
          }))
        )
          throw conflict();
        await record({
          action: 'disclosureReport.article',
          objectType: 'disclosure_report',
          objectId: year,
          detail: { year, articleId: article.id },
        });
      });
      return view(ctx, year);
    },
  };
}
export type DisclosureReportService = ReturnType<typeof createDisclosureReportService>;
