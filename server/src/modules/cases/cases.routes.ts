import {
  CaseActionInput,
  CaseDetail,
  CaseQueueQuery,
  CaseSummary,
  CountyOption,
  ExportQuery,
  ExtensionDecisionInput,
  ExtensionRequestInput,
  IdParams,
  Page,
  PublicationInput,
  PublicationWithdrawInput,
  ReporterIdentity,
  RowId,
} from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { CasesService } from './cases.service.ts';
import { errorResponses, sendXlsx, XlsxFile } from '../../http/route-kit.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 429);
const tags = ['cases'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function casesRoutes(fastify: FastifyInstance, cases: CasesService) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/cases',
    {
      config: { access: 'cases:read' },
      schema: {
        tags,
        summary: 'The case queue: by state, kind and time limit (a county sees only what is assigned to it)',
        querystring: CaseQueueQuery,
        response: { 200: Page(CaseSummary), ...errors },
      },
    },
    (req) => cases.queue(req.ctx, req.query),
  );
  app.get(
    '/api/v1/cases/export.xlsx',
    {
      config: { access: 'cases:read' },
      schema: {
        tags,
        summary: 'The whole filtered queue as Excel (audited; a county sees only its own cases)',
        querystring: ExportQuery(CaseQueueQuery),
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (req, reply) => sendXlsx(reply, await cases.exportXlsx(req.ctx, req.query)),
  );
  app.get(
    '/api/v1/cases/counties',
    {
      config: { access: 'cases:read' },
      schema: {
        tags,
        summary: 'County bureaus a case can be assigned to',
        response: { 200: Type.Array(CountyOption), ...errors },
      },
    },
    (req) => cases.counties(req.ctx),
  );
  app.get(
    '/api/v1/cases/:id',
    {
      config: { access: 'cases:read' },
      schema: {
        tags,
        summary: 'One case with its timeline, time limit and the steps this person may take',
        params: IdParams,
        response: { 200: CaseDetail, ...errors },
      },
    },
    (req) => cases.get(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/cases/:id/actions',
    {
      config: { access: 'cases:handle' },
      schema: {
        tags,
        summary: 'Take a step of the case workflow (accept, assign, reply, close …)',
        params: IdParams,
        body: CaseActionInput,
        response: { 200: CaseDetail, ...errors },
      },
    },
    (req) => cases.act(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/api/v1/cases/:id/publication',
    {
      config: { access: 'cases:handle' },
      schema: {
        tags,
        summary:
          "Publish or edit a letter's Q&A on the portal (receiving bureau; the writer agreed; texts masked; audited)",
        params: IdParams,
        body: PublicationInput,
        response: { 200: CaseDetail, ...errors },
      },
    },
    (req) => cases.editPublication(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/v1/cases/:id/publication/withdraw',
    {
      config: { access: 'cases:handle' },
      schema: {
        tags,
        summary: "Take a letter's published Q&A off the portal (receiving bureau; audited)",
        params: IdParams,
        body: PublicationWithdrawInput,
        response: { 200: CaseDetail, ...errors },
      },
    },
    (req) => cases.withdrawPublication(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/v1/cases/:id/extension',
    {
      config: { access: 'cases:handle' },
      schema: {
        tags,
        summary: 'Ask leadership for a longer time limit, with the reason the person will be told',
        params: IdParams,
        body: ExtensionRequestInput,
        response: { 200: CaseDetail, ...errors },
      },
    },
    (req) => cases.requestExtension(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/v1/cases/:id/extension/decision',
    {
      config: { access: 'cases:approveExtension' },
      schema: {
        tags,
        summary: 'Leadership approves or refuses a requested extension',
        params: IdParams,
        body: ExtensionDecisionInput,
        response: { 200: CaseDetail, ...errors },
      },
    },
    (req) => cases.decideExtension(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/v1/cases/:id/reporter',
    {
      config: { access: 'cases:revealReporter' },
      schema: {
        tags,
        summary:
          'Who filed the case (receiving bureau only, or a county the reporter agreed to); every read audited',
        params: IdParams,
        response: { 200: ReporterIdentity, ...errors },
      },
    },
    async (req, reply) =>
      reply.header('cache-control', 'no-store').send(await cases.reporter(req.ctx, req.params.id)),
  );
  // the answer letter is sent as bytes, outside the typed JSON replies; it names the applicant
  fastify.get(
    '/api/v1/cases/:id/answer-letter.docx',
    {
      config: { access: 'cases:revealReporter' },
      schema: {
        tags,
        summary:
          "An answered information request's answer letter (GB/T 9704); audited as a reading of the applicant",
        params: IdParams,
        response: { 200: Type.String({ contentMediaType: DOCX }), ...errors },
      },
    },
    async (req, reply) => {
      const { body, filename } = await cases.answerLetter(req.ctx, (req.params as { id: number }).id);
      return reply
        .type(DOCX)
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          `attachment; filename="answer-letter.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(body);
    },
  );
  app.get(
    '/api/v1/cases/:id/photos/:photoId',
    {
      config: { access: 'cases:read' },
      schema: {
        tags,
        summary: 'A photo of a report (re-encoded: no EXIF or GPS)',
        params: Type.Object({ id: RowId(), photoId: RowId() }, { additionalProperties: false }),
        response: { 200: Type.String({ description: 'the image' }), ...errors },
      },
    },
    async (req, reply) => {
      const p = await cases.photo(req.ctx, req.params.id, req.params.photoId);
      return reply
        .type(p.mediaType)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `inline; filename="photo-${req.params.photoId}"`)
        .send(p.stream as never);
    },
  );
}
