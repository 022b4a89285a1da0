import { AuditListQuery, AuditRecord, AuditVerifyResult, ExportQuery, Page } from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AuditService } from './audit.service.ts';
import { errorResponses, sendXlsx, XlsxFile } from '../../http/route-kit.ts';

const errors = errorResponses(400, 401, 403);
const tags = ['audit'];

export function auditRoutes(fastify: FastifyInstance, audit: AuditService) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/audit',
    {
      config: { access: 'audit:read' },
      schema: {
        tags,
        summary: 'The audit log, newest first',
        querystring: AuditListQuery,
        response: { 200: Page(AuditRecord), ...errors },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20, ...filter } = req.query;
      const { items, total } = await audit.list(filter, page, pageSize);
      return {
        items,
        total,
        page,
        pageSize,
      };
    },
  );
  app.get(
    '/api/v1/audit/export.xlsx',
    {
      config: { access: 'audit:read' },
      schema: {
        tags,
        summary: 'Every record the filters select, as Excel (audited)',
        querystring: ExportQuery(AuditListQuery),
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (req, reply) => sendXlsx(reply, await audit.exportXlsx(req.ctx, req.query)),
  );
  app.get(
    '/api/v1/audit/verify',
    {
      config: { access: 'audit:read' },
      schema: { tags, summary: 'Verify the hash chain', response: { 200: AuditVerifyResult, ...errors } },
    },
    () => audit.verify(),
  );
}
