import {
  BulkApproveInput,
  BulkApproveResult,
  CoUnitOption,
  CommentInput,
  EmptyBody,
  ErrorResponse,
  IdParams,
  IdempotencyHeaders,
  IfMatchHeaders,
  Page,
  ReviewInput,
  Submission,
  SubmissionDetail,
  SubmissionInput,
  SubmissionListQuery,
  SubmissionUpdate,
} from '@greenvoice/common';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { SubmissionsService } from './submissions.service.ts';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};
const tags = ['submissions'];

/** The ETag is the version in quotes; If-Match sends it back. */
const versionOf = (ifMatch: string) => Number(/"(\d+)"/.exec(ifMatch)![1]);
const withEtag = <T extends { version: number }>(reply: FastifyReply, s: T) => {
  reply.header('etag', `"${s.version}"`);
  return s;
};

export function submissionsRoutes(fastify: FastifyInstance, submissions: SubmissionsService) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/submissions',
    {
      config: { access: 'submissions:read' },
      schema: {
        tags,
        summary: 'Submissions in scope; the review queue is status=awaitingReview',
        querystring: SubmissionListQuery,
        response: { 200: Page(Submission), ...errors },
      },
    },
    (req) => submissions.list(req.ctx, req.query),
  );
  app.get(
    '/api/v1/submissions/co-unit-options',
    {
      config: { access: 'submissions:write' },
      schema: {
        tags,
        summary: "Units of one's bureau that may co-submit (an officer's own scope is only their unit)",
        response: { 200: Type.Array(CoUnitOption), ...errors },
      },
    },
    (req) => submissions.coUnitOptions(req.ctx),
  );
  app.get(
    '/api/v1/submissions/:id',
    {
      config: { access: 'submissions:read' },
      schema: {
        tags,
        summary: 'A submission with its timeline; the ETag carries its version',
        params: IdParams,
        response: { 200: SubmissionDetail, ...errors },
      },
    },
    async (req, reply) => withEtag(reply, await submissions.get(req.ctx, req.params.id)),
  );
  app.post(
    '/api/v1/submissions',
    {
      config: { access: 'submissions:write' },
      schema: {
        tags,
        summary: "Create a draft (or submit at once) for one's own unit; idempotent with Idempotency-Key",
        headers: IdempotencyHeaders,
        body: SubmissionInput,
        response: { 201: Submission, ...errors },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const answer = await submissions.create(req.ctx, req.body, key);
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(answer.status).send(withEtag(reply, answer.body as Submission));
    },
  );
  app.patch(
    '/api/v1/submissions/:id',
    {
      config: { access: 'submissions:write' },
      schema: {
        tags,
        summary: 'Edit a draft or a returned submission (If-Match required)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: SubmissionUpdate,
        response: { 200: Submission, ...errors },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await submissions.update(req.ctx, req.params.id, versionOf(req.headers['if-match']), req.body),
      ),
  );
  app.post(
    '/api/v1/submissions/:id/submit',
    {
      config: { access: 'submissions:write' },
      schema: {
        tags,
        summary: 'Send a draft for review, or a returned submission back (If-Match required)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: EmptyBody,
        response: { 200: Submission, ...errors },
      },
    },
    async (req, reply) =>
      withEtag(reply, await submissions.submit(req.ctx, req.params.id, versionOf(req.headers['if-match']))),
  );
  app.post(
    '/api/v1/submissions/:id/review',
    {
      config: { access: 'submissions:review' },
      schema: {
        tags,
        summary: "Approve, return (with reason) or reject; never one's own unit's (If-Match required)",
        params: IdParams,
        headers: IfMatchHeaders,
        body: ReviewInput,
        response: { 200: Submission, ...errors },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await submissions.review(req.ctx, req.params.id, versionOf(req.headers['if-match']), req.body),
      ),
  );
  app.post(
    '/api/v1/submissions/bulk-approve',
    {
      config: { access: 'submissions:review' },
      schema: {
        tags,
        summary: 'Approve several submissions: all of them, or none if any is stale or not approvable',
        body: BulkApproveInput,
        response: { 200: BulkApproveResult, ...errors },
      },
    },
    (req) => submissions.bulkApprove(req.ctx, req.body),
  );
  app.post(
    '/api/v1/submissions/:id/comments',
    {
      config: { access: 'submissions:comment' },
      schema: {
        tags,
        summary: 'Comment on a submission',
        params: IdParams,
        body: CommentInput,
        response: { 200: SubmissionDetail, ...errors },
      },
    },
    async (req, reply) => withEtag(reply, await submissions.comment(req.ctx, req.params.id, req.body.body)),
  );
}
