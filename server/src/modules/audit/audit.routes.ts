import { AuditListQuery, AuditRecord, AuditVerifyResult, ErrorResponse, Page } from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AuditService } from './audit.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
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
        items: items.map((r) => ({
          id: r.id,
          at: r.at,
          actorId: r.actor_id,
          actorName: r.actor_name,
          actorRoles: r.actor_roles,
          clientIp: r.client_ip,
          action: r.action,
          objectType: r.object_type,
          objectId: r.object_id,
          result: r.result,
          requestId: r.request_id,
          detail: r.detail,
          hash: r.hash,
        })),
        total,
        page,
        pageSize,
      };
    },
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
