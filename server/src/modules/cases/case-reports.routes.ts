// The console's figures of public interaction: the monthly statistics (decision 147, cases:read) and
// the annual government-information-disclosure report (decision 148: read with cms:read, the entered
// parts and the portal article with cms:edit).
import {
  DisclosureReportSave,
  DisclosureReportView,
  MonthlyCaseStats,
  MonthQuery,
  YearParams,
} from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { errorResponses } from '../../http/route-kit.ts';
import { requireActor } from '../../http/context.ts';
import type { CaseStatsService } from './case-stats.service.ts';
import type { DisclosureReportService } from './disclosure-report.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 422);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function caseReportsRoutes(
  fastify: FastifyInstance,
  s: { stats: CaseStatsService; report: DisclosureReportService },
) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/cases/stats',
    {
      config: { access: 'cases:read' },
      schema: {
        tags: ['cases'],
        summary: 'Monthly figures: received, accepted, answered on time or late, overdue — no personal data',
        querystring: MonthQuery,
        response: { 200: MonthlyCaseStats, ...errors },
      },
    },
    (req) => s.stats.monthly(requireActor(req.ctx).bureauUnitId, req.query.month),
  );
  const tags = ['disclosure report'];
  app.get(
    '/api/v1/disclosure-reports/:year',
    {
      config: { access: 'cms:read' },
      schema: {
        tags,
        summary: 'The annual disclosure report: counted sections and tables with the entered parts',
        params: YearParams,
        response: { 200: DisclosureReportView, ...errors },
      },
    },
    (req) => s.report.view(req.ctx, req.params.year),
  );
  app.put(
    '/api/v1/disclosure-reports/:year',
    {
      config: { access: 'cms:edit' },
      schema: {
        tags,
        summary: 'Save the parts the system cannot know (texts, rules, fees, review and litigation)',
        params: YearParams,
        body: DisclosureReportSave,
        response: { 200: DisclosureReportView, ...errors },
      },
    },
    (req) => s.report.save(req.ctx, req.params.year, req.body),
  );
  app.post(
    '/api/v1/disclosure-reports/:year/article',
    {
      config: { access: 'cms:edit' },
      schema: {
        tags,
        summary: 'Make the draft article in the annual-report channel, with the Word file attached',
        params: YearParams,
        body: Type.Object({}, { additionalProperties: false }),
        response: { 200: DisclosureReportView, ...errors },
      },
    },
    (req) => s.report.makeArticle(req.ctx, req.params.year),
  );
  // the Word file is sent as bytes, outside the typed JSON replies
  fastify.get(
    '/api/v1/disclosure-reports/:year/report.docx',
    {
      config: { access: 'cms:read' },
      schema: {
        tags,
        summary: 'The report as Word (GB/T 9704)',
        params: YearParams,
        response: { 200: Type.String({ contentMediaType: DOCX }), ...errors },
      },
    },
    async (req, reply) => {
      const { body, filename } = await s.report.docx(req.ctx, (req.params as { year: number }).year);
      return reply
        .type(DOCX)
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          `attachment; filename="disclosure-report.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(body);
    },
  );
}
