import { ErrorResponse, IdParams, InterviewConfirm, InterviewList } from '@greenvoice/common';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { InterviewsService } from './interviews.service.ts';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};
const tags = ['interviews'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function interviewsRoutes(fastify: FastifyInstance, interviews: InterviewsService) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/assessment/plans/:id/interviews',
    {
      config: { access: 'interviews:read' },
      schema: {
        tags,
        summary: 'Candidates by the plan rule, and confirmed interviews',
        params: IdParams,
        response: { 200: InterviewList, ...errors },
      },
    },
    (req) => interviews.list(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/assessment/plans/:id/interviews',
    {
      config: { access: 'interviews:confirm' },
      schema: {
        tags,
        summary: 'Leadership confirms an interview',
        params: IdParams,
        body: InterviewConfirm,
        response: { 200: InterviewList, ...errors },
      },
    },
    (req) => interviews.confirm(req.ctx, req.params.id, req.body.unitId),
  );
  // the notice is sent as bytes, outside the typed JSON replies
  fastify.get(
    '/api/v1/interviews/:id/notice.docx',
    {
      config: { access: 'interviews:read' },
      schema: {
        tags,
        summary: 'The interview notice (GB/T 9704)',
        params: IdParams,
        response: { 200: Type.String({ contentMediaType: DOCX }), ...errors },
      },
    },
    async (req, reply) => {
      const { body, filename } = await interviews.notice(req.ctx, (req.params as { id: number }).id);
      return reply
        .type(DOCX)
        .header(
          'content-disposition',
          `attachment; filename="notice.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(body);
    },
  );
}
