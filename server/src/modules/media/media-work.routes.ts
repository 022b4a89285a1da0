// The media work's API (docs/new-media.md, "Subscriptions, commentators, columns"). Reading needs
// media:read, changing media:write; the service scopes every row by its unit.
import {
  Commentator,
  CommentatorInput,
  CommentatorPost,
  CommentatorPostInput,
  CommentatorPosts,
  CommentatorTally,
  CommentatorTask,
  CommentatorTaskCompletion,
  CommentatorTaskInput,
  CommentatorTaskUpdate,
  CommentatorUpdate,
  IdParams,
  MediaColumn,
  MediaColumnInput,
  MediaColumnUpdate,
  Page,
  Subscription,
  SubscriptionInput,
  SubscriptionSummary,
  SubscriptionUpdate,
  WorkListQuery,
  YearQuery,
} from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { errorResponses } from '../../http/route-kit.ts';
import type { MediaWorkService } from './media-work.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 422, 429);
const tags = ['media'];
const read = { config: { access: 'media:read' as const } };
const write = { config: { access: 'media:write' as const } };
const Ok = Type.Object({ ok: Type.Literal(true) });
const ok = { ok: true as const };

export function mediaWorkRoutes(fastify: FastifyInstance, work: MediaWorkService) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/media/subscriptions',
    {
      ...read,
      schema: {
        tags,
        summary: 'Paper subscriptions (报刊征订) per unit and year',
        querystring: WorkListQuery,
        response: { 200: Page(Subscription), ...errors },
      },
    },
    (req) => work.listSubscriptions(req.ctx, req.query),
  );
  app.get(
    '/api/v1/media/subscriptions/summary',
    {
      ...read,
      schema: {
        tags,
        summary: 'The year’s copies by unit and paper against the plan’s quota',
        querystring: YearQuery,
        response: { 200: SubscriptionSummary, ...errors },
      },
    },
    (req) => work.subscriptionSummary(req.ctx, req.query.year),
  );
  app.post(
    '/api/v1/media/subscriptions',
    { ...write, schema: { tags, body: SubscriptionInput, response: { 201: Subscription, ...errors } } },
    async (req, reply) => reply.code(201).send(await work.createSubscription(req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/media/subscriptions/:id',
    {
      ...write,
      schema: {
        tags,
        params: IdParams,
        body: SubscriptionUpdate,
        response: { 200: Subscription, ...errors },
      },
    },
    (req) => work.updateSubscription(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/v1/media/subscriptions/:id',
    { ...write, schema: { tags, params: IdParams, response: { 200: Ok, ...errors } } },
    async (req) => (await work.removeSubscription(req.ctx, req.params.id), ok),
  );

  app.get(
    '/api/v1/media/commentators',
    {
      ...read,
      schema: {
        tags,
        summary: 'The online-commentator team (网评员)',
        querystring: WorkListQuery,
        response: { 200: Page(Commentator), ...errors },
      },
    },
    (req) => work.listCommentators(req.ctx, req.query),
  );
  app.get(
    '/api/v1/media/commentators/tally',
    {
      ...read,
      schema: {
        tags,
        summary: 'Posts per commentator and month',
        querystring: YearQuery,
        response: { 200: CommentatorTally, ...errors },
      },
    },
    (req) => work.tally(req.ctx, req.query.year),
  );
  app.post(
    '/api/v1/media/commentators',
    { ...write, schema: { tags, body: CommentatorInput, response: { 201: Commentator, ...errors } } },
    async (req, reply) => reply.code(201).send(await work.createCommentator(req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/media/commentators/:id',
    {
      ...write,
      schema: { tags, params: IdParams, body: CommentatorUpdate, response: { 200: Commentator, ...errors } },
    },
    (req) => work.updateCommentator(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/v1/media/commentators/:id/posts',
    { ...read, schema: { tags, params: IdParams, response: { 200: CommentatorPosts, ...errors } } },
    (req) => work.posts(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/media/commentators/:id/posts',
    {
      ...write,
      schema: {
        tags,
        summary: 'Record a comment or post (its link, http/https only)',
        params: IdParams,
        body: CommentatorPostInput,
        response: { 201: CommentatorPost, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await work.addPost(req.ctx, req.params.id, req.body)),
  );
  app.delete(
    '/api/v1/media/commentator-posts/:id',
    { ...write, schema: { tags, params: IdParams, response: { 200: Ok, ...errors } } },
    async (req) => (await work.removePost(req.ctx, req.params.id), ok),
  );

  app.get(
    '/api/v1/media/commentator-tasks',
    {
      ...read,
      schema: {
        tags,
        summary: 'Tasks for the commentator team (an article or topic, a period), with how many did each',
        querystring: WorkListQuery,
        response: { 200: Page(CommentatorTask), ...errors },
      },
    },
    (req) => work.tasks.list(req.ctx, req.query),
  );
  app.get(
    '/api/v1/media/commentator-tasks/:id',
    {
      ...read,
      schema: {
        tags,
        summary: 'A task’s completion: every commentator it applies to and their posts for it',
        params: IdParams,
        response: { 200: CommentatorTaskCompletion, ...errors },
      },
    },
    (req) => work.tasks.completion(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/media/commentator-tasks',
    { ...write, schema: { tags, body: CommentatorTaskInput, response: { 201: CommentatorTask, ...errors } } },
    async (req, reply) => reply.code(201).send(await work.tasks.create(req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/media/commentator-tasks/:id',
    {
      ...write,
      schema: {
        tags,
        params: IdParams,
        body: CommentatorTaskUpdate,
        response: { 200: CommentatorTask, ...errors },
      },
    },
    (req) => work.tasks.update(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/v1/media/commentator-tasks/:id',
    { ...write, schema: { tags, params: IdParams, response: { 200: Ok, ...errors } } },
    async (req) => (await work.tasks.remove(req.ctx, req.params.id), ok),
  );

  app.get(
    '/api/v1/media/columns',
    {
      ...read,
      schema: {
        tags,
        summary: 'Standing media columns (专栏) with the pieces the submission flow counted in them',
        querystring: WorkListQuery,
        response: { 200: Page(MediaColumn), ...errors },
      },
    },
    (req) => work.listColumns(req.ctx, req.query),
  );
  app.post(
    '/api/v1/media/columns',
    { ...write, schema: { tags, body: MediaColumnInput, response: { 201: MediaColumn, ...errors } } },
    async (req, reply) => reply.code(201).send(await work.createColumn(req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/media/columns/:id',
    {
      ...write,
      schema: { tags, params: IdParams, body: MediaColumnUpdate, response: { 200: MediaColumn, ...errors } },
    },
    (req) => work.updateColumn(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/v1/media/columns/:id',
    { ...write, schema: { tags, params: IdParams, response: { 200: Ok, ...errors } } },
    async (req) => (await work.removeColumn(req.ctx, req.params.id), ok),
  );
}
