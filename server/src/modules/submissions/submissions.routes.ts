import {
  BulkApproveInput,
  BulkApproveResult,
  CoUnitOption,
  CommentInput,
  EmptyBody,
  ExportQuery,
  IdParams,
  IdempotencyHeaders,
  IfMatchHeaders,
  OutcomeInput,
  Page,
  ReviewInput,
  Submission,
  SubmissionDetail,
  SubmissionInput,
  SubmissionListQuery,
  SubmissionUpdate,
} from '@greenvoice/common';
import Type, { type Static, type TSchema } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { RequestContext } from '../../http/context.ts';
import type { SubmissionsService } from './submissions.service.ts';
import { errorResponses, ifMatchVersion, sendXlsx, withEtag, XlsxFile } from '../../http/route-kit.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 422);
const tags = ['submissions'];

export function submissionsRoutes(fastify: FastifyInstance, submissions: SubmissionsService) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  /**
   * A change of one submission at the version its editor read: If-Match required, the changed
   * submission answered with its new version as the ETag.
   */
  const versioned = <B extends TSchema>(
    method: 'POST' | 'PATCH',
    url: string,
    access: 'submissions:write' | 'submissions:review',
    summary: string,
    body: B,
    run: (ctx: RequestContext, id: number, version: number, body: Static<B>) => Promise<Submission>,
  ) =>
    app.route({
      method,
      url,
      config: { access },
      schema: {
        tags,
        summary,
        params: IdParams,
        headers: IfMatchHeaders,
        body,
        response: { 200: Submission, ...errors },
      },
      handler: async (req, reply) =>
        withEtag(reply, await run(req.ctx, req.params.id, ifMatchVersion(req), req.body as Static<B>)),
    });
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
    '/api/v1/submissions/export.xlsx',
    {
      config: { access: 'submissions:read' },
      schema: {
        tags,
        summary: 'The whole filtered list as Excel (audited)',
        querystring: ExportQuery(SubmissionListQuery),
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (req, reply) => sendXlsx(reply, await submissions.exportXlsx(req.ctx, req.query)),
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
      // a creation's answer, first or replayed, is the 201 stored with it (submissions.service.ts)
      return reply.code(201).send(withEtag(reply, answer.body as Submission));
    },
  );
  versioned(
    'PATCH',
    '/api/v1/submissions/:id',
    'submissions:write',
    'Edit a draft or a returned submission (If-Match required)',
    SubmissionUpdate,
    (ctx, id, version, body) => submissions.update(ctx, id, version, body),
  );
  versioned(
    'POST',
    '/api/v1/submissions/:id/submit',
    'submissions:write',
    'Send a draft for review, or a returned submission back (If-Match required)',
    EmptyBody,
    (ctx, id, version) => submissions.submit(ctx, id, version),
  );
  versioned(
    'POST',
    '/api/v1/submissions/:id/withdraw',
    'submissions:write',
    'Take a piece back before it is reviewed: to a draft, or returned (If-Match required)',
    EmptyBody,
    (ctx, id, version) => submissions.withdraw(ctx, id, version),
  );
  app.delete(
    '/api/v1/submissions/:id',
    {
      config: { access: 'submissions:write' },
      schema: {
        tags,
        summary: "Delete a draft of one's own unit (If-Match required)",
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 200: Type.Object({ ok: Type.Literal(true) }), ...errors },
      },
    },
    async (req) => {
      await submissions.deleteDraft(req.ctx, req.params.id, ifMatchVersion(req));
      return { ok: true as const };
    },
  );
  versioned(
    'POST',
    '/api/v1/submissions/:id/outcome',
    'submissions:review',
    'Record an approved piece’s adoption level and leader instruction later; re-scores (If-Match)',
    OutcomeInput,
    (ctx, id, version, body) => submissions.recordOutcome(ctx, id, version, body),
  );
  versioned(
    'POST',
    '/api/v1/submissions/:id/review',
    'submissions:review',
    "Approve, return (with reason) or reject; never one's own unit's (If-Match required)",
    ReviewInput,
    (ctx, id, version, body) => submissions.review(ctx, id, version, body),
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
