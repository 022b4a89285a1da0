// The contest's API (docs/contest.md). Set-up and the proposal: contest:manage; schools and works:
// contest:enter (officers: their county's schools); the judge's blind sheets: contest:judge (only one's
// own); results with names: contest:results; the approval that locks: contest:approve.
import {
  AssignResult,
  BlindSheet,
  Contest,
  ContestIdParams,
  ContestInput,
  ContestResults,
  EmptyBody,
  IdParams,
  Judge,
  JudgeInput,
  RowId,
  School,
  SchoolInput,
  SheetInput,
  Work,
  WorkInput,
} from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import Type from 'typebox';
import { errorResponses, multipartBody, uploadedFiles } from '../../http/route-kit.ts';
import type { ContestJudging } from './contest-judging.service.ts';
import type { ContestService } from './contest.service.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const errors = errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 507);
const tags = ['contest'];
const access = (
  a:
    | 'activities:read'
    | 'contest:manage'
    | 'contest:enter'
    | 'contest:judge'
    | 'contest:results'
    | 'contest:approve',
) => ({
  config: { access: a },
});
const Items = <T extends Parameters<typeof Type.Array>[0]>(t: T) => Type.Object({ items: Type.Array(t) });
const PhotoParams = Type.Object(
  { id: RowId(), workId: RowId(), photoId: RowId() },
  { additionalProperties: false },
);
const SheetPhotoParams = Type.Object({ id: RowId(), photoId: RowId() }, { additionalProperties: false });

export function contestRoutes(
  fastify: FastifyInstance,
  deps: { contests: ContestService; judging: ContestJudging },
) {
  const { contests, judging } = deps;
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const image = (reply: FastifyReply, p: { stream: unknown; mediaType: string }) =>
    reply
      .type(p.mediaType)
      .header('x-content-type-options', 'nosniff')
      .send(p.stream as never);

  app.get(
    '/api/v1/contests',
    { ...access('activities:read'), schema: { tags, response: { 200: Items(Contest), ...errors } } },
    (req) => contests.list(req.ctx),
  );
  app.post(
    '/api/v1/contests',
    {
      ...access('contest:manage'),
      schema: { tags, body: ContestInput, response: { 201: Contest, ...errors } },
    },
    async (req, reply) => reply.code(201).send(await contests.create(req.ctx, req.body)),
  );
  app.get(
    '/api/v1/contests/:id',
    {
      ...access('activities:read'),
      schema: { tags, params: IdParams, response: { 200: Contest, ...errors } },
    },
    (req) => contests.get(req.ctx, req.params.id),
  );
  app.get(
    '/api/v1/contests/:id/schools',
    {
      ...access('contest:enter'),
      schema: { tags, params: IdParams, response: { 200: Items(School), ...errors } },
    },
    (req) => contests.schools(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/contests/:id/schools',
    {
      ...access('contest:enter'),
      schema: {
        tags,
        summary: 'Register a school (until the entry deadline)',
        params: IdParams,
        body: SchoolInput,
        response: { 201: School, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await contests.registerSchool(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/v1/contests/:id/works',
    {
      ...access('contest:enter'),
      schema: { tags, params: IdParams, response: { 200: Items(Work), ...errors } },
    },
    (req) => contests.works(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/contests/:id/works',
    {
      ...access('contest:enter'),
      schema: {
        tags,
        summary: 'Enter a work (until the entry deadline)',
        params: IdParams,
        body: WorkInput,
        response: { 201: Work, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await contests.enterWork(req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/v1/contests/:id/works/:workId/photos',
    {
      ...access('contest:enter'),
      schema: {
        tags,
        summary: 'Photos of a work (PNG or JPEG by content, ≤ 5 a request)',
        params: ContestIdParams,
        ...multipartBody,
        response: { 201: Work, ...errors },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await contests.addWorkPhotos(req.ctx, req.params.id, req.params.workId, uploadedFiles(req))),
  );
  app.get(
    '/api/v1/contests/:id/works/:workId/photos/:photoId',
    {
      ...access('contest:enter'),
      schema: {
        tags,
        params: PhotoParams,
        response: { 200: Type.String({ description: 'the image' }), ...errors },
      },
    },
    async (req, reply) =>
      image(reply, await contests.workPhoto(req.ctx, req.params.id, req.params.workId, req.params.photoId)),
  );
  app.get(
    '/api/v1/contests/:id/judges',
    {
      ...access('contest:manage'),
      schema: { tags, params: IdParams, response: { 200: Items(Judge), ...errors } },
    },
    (req) => contests.judges(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/contests/:id/judges',
    {
      ...access('contest:manage'),
      schema: {
        tags,
        summary: 'Name a judge with their own school and county',
        params: IdParams,
        body: JudgeInput,
        response: { 201: Items(Judge), ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await contests.addJudge(req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/v1/contests/:id/assign',
    {
      ...access('contest:manage'),
      schema: {
        tags,
        summary:
          'Assign judges automatically: N per work, never their own school or county (keeps what exists)',
        params: IdParams,
        body: EmptyBody,
        response: { 200: AssignResult, ...errors },
      },
    },
    (req) => judging.assign(req.ctx, req.params.id),
  );
  app.get(
    '/api/v1/contests/:id/results',
    {
      ...access('contest:results'),
      schema: {
        tags,
        summary: 'Scores aggregated (trimmed mean) and ranked per category and age group',
        params: IdParams,
        response: { 200: ContestResults, ...errors },
      },
    },
    (req) => judging.results(req.ctx, req.params.id),
  );
  // the certificate is sent as bytes, outside the typed JSON replies
  fastify.get(
    '/api/v1/contests/:id/works/:workId/certificate.docx',
    {
      ...access('contest:results'),
      schema: {
        tags,
        summary: 'An awarded work’s certificate as Word, once the awards are locked (decision 196)',
        params: ContestIdParams,
        response: { 200: Type.String({ contentMediaType: DOCX }), ...errors },
      },
    },
    async (req, reply) => {
      const p = req.params as { id: number; workId: number };
      const { body, filename } = await judging.certificate(req.ctx, p.id, p.workId);
      return reply
        .type(DOCX)
        .header(
          'content-disposition',
          `attachment; filename="certificate.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(body);
    },
  );
  app.post(
    '/api/v1/contests/:id/propose',
    {
      ...access('contest:manage'),
      schema: {
        tags,
        summary: 'Propose awards by the quotas (every sheet scored)',
        params: IdParams,
        body: EmptyBody,
        response: { 200: ContestResults, ...errors },
      },
    },
    (req) => judging.propose(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/contests/:id/approve',
    {
      ...access('contest:approve'),
      schema: {
        tags,
        summary: 'Leadership approves the awards: locked, block B written',
        params: IdParams,
        body: EmptyBody,
        response: { 200: ContestResults, ...errors },
      },
    },
    (req) => judging.approve(req.ctx, req.params.id),
  );

  app.get(
    '/api/v1/contest-sheets',
    {
      ...access('contest:judge'),
      schema: {
        tags,
        summary: 'My judging sheets, blind: codes, never schools, counties or names',
        response: { 200: Items(BlindSheet), ...errors },
      },
    },
    (req) => judging.mySheets(req.ctx),
  );
  app.put(
    '/api/v1/contest-sheets/:id',
    {
      ...access('contest:judge'),
      schema: {
        tags,
        summary: 'Score one of my sheets against the rubric',
        params: IdParams,
        body: SheetInput,
        response: { 200: BlindSheet, ...errors },
      },
    },
    (req) => judging.score(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/v1/contest-sheets/:id/photos/:photoId',
    {
      ...access('contest:judge'),
      schema: {
        tags,
        params: SheetPhotoParams,
        response: { 200: Type.String({ description: 'the image' }), ...errors },
      },
    },
    async (req, reply) => image(reply, await judging.sheetPhoto(req.ctx, req.params.id, req.params.photoId)),
  );
}
