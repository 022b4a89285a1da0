import {
  ExportLangQuery,
  IdParams,
  Interview,
  InterviewConfirm,
  InterviewList,
  InterviewMinutes,
  InterviewRectified,
  InterviewWithdraw,
  OwnInterviews,
} from '@greenvoice/common';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { InterviewsService } from './interviews.service.ts';
import { errorResponses, sendXlsx, XlsxFile } from '../../http/route-kit.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 422);
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
  app.get(
    '/api/v1/assessment/plans/:id/interviews.xlsx',
    {
      config: { access: 'interviews:read' },
      schema: {
        tags,
        summary: 'The interview list as Excel (audited)',
        params: IdParams,
        querystring: ExportLangQuery,
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (req, reply) =>
      sendXlsx(reply, await interviews.exportXlsx(req.ctx, req.params.id, req.query.lang)),
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
    (req) => interviews.confirm(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/v1/interviews/mine',
    {
      config: { access: 'interviews:own' },
      schema: {
        tags,
        summary: "The interviews of the actor's own unit (its deputy leader reads the notice)",
        response: { 200: OwnInterviews, ...errors },
      },
    },
    (req) => interviews.mine(req.ctx),
  );
  const steps = [
    ['withdraw', InterviewWithdraw, 'Withdraw a confirmed interview, with the reason'],
    ['minutes', InterviewMinutes, 'Record that it took place: minutes and the rectification asked for'],
    ['rectified', InterviewRectified, 'Record that the unit completed its rectification'],
  ] as const;
  for (const [step, body, summary] of steps)
    app.post(
      `/api/v1/interviews/:id/${step}`,
      {
        config: { access: 'interviews:confirm' },
        schema: { tags, summary, params: IdParams, body, response: { 200: Interview, ...errors } },
      },
      (req) => interviews[step](req.ctx, req.params.id, req.body as never),
    );
  // the notice is sent as bytes, outside the typed JSON replies
  fastify.get(
    '/api/v1/interviews/:id/notice.docx',
    {
      // staff of the bureau, or the interviewed unit's deputy leader: the service decides (interviews:own)
      config: { access: 'assessment:read' },
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
