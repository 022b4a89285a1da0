// The console's API for draft consultations (意见征集, decision 146): read with cms:read; write drafts,
// attach files, moderate and answer comments with cms:edit; publish, withdraw and publish the feedback
// with cms:publish — the people who put things on the portal.
import {
  CommentAdoptionInput,
  CommentModerationInput,
  CommentParams,
  Consultation,
  ConsultationComment,
  ConsultationFileParams,
  ConsultationInput,
  ConsultationTransition,
  ConsultationUpdate,
  IdParams,
} from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { errorResponses } from '../../http/route-kit.ts';
import { readUpload } from '../cms/cms.routes.ts';
import type { ConsultationsService } from './consultations.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 507);
const tags = ['consultations'];

export function consultationsRoutes(fastify: FastifyInstance, s: ConsultationsService) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/consultations',
    {
      config: { access: 'cms:read' },
      schema: {
        tags,
        summary: 'Draft consultations (意见征集)',
        response: { 200: Type.Array(Consultation), ...errors },
      },
    },
    (req) => s.list(req.ctx),
  );
  app.get(
    '/api/v1/consultations/:id',
    {
      config: { access: 'cms:read' },
      schema: { tags, params: IdParams, response: { 200: Consultation, ...errors } },
    },
    (req) => s.get(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/consultations',
    {
      config: { access: 'cms:edit' },
      schema: {
        tags,
        summary: 'Create a draft with its period',
        body: ConsultationInput,
        response: { 201: Consultation, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await s.create(req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/consultations/:id',
    {
      config: { access: 'cms:edit' },
      schema: {
        tags,
        params: IdParams,
        body: ConsultationUpdate,
        response: { 200: Consultation, ...errors },
      },
    },
    (req) => s.update(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/v1/consultations/:id/transition',
    {
      config: { access: 'cms:publish' },
      schema: {
        tags,
        summary: 'Publish the draft, withdraw it, or publish the feedback (采纳情况) after the close day',
        params: IdParams,
        body: ConsultationTransition,
        response: { 200: Consultation, ...errors },
      },
    },
    (req) => s.transition(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/v1/consultations/:id/files',
    {
      config: { access: 'cms:edit' },
      schema: {
        tags,
        summary: 'Attach a file to the draft (PDF, Word, Excel, PNG, JPEG)',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: Consultation, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await s.uploadFile(req.ctx, req.params.id, await readUpload(req))),
  );
  app.delete(
    '/api/v1/consultations/:id/files/:fileId',
    {
      config: { access: 'cms:edit' },
      schema: { tags, params: ConsultationFileParams, response: { 200: Consultation, ...errors } },
    },
    (req) => s.removeFile(req.ctx, req.params.id, req.params.fileId),
  );
  app.get(
    '/api/v1/consultations/:id/comments',
    {
      config: { access: 'cms:read' },
      schema: {
        tags,
        summary: 'The comments (never who wrote them)',
        params: IdParams,
        response: { 200: Type.Array(ConsultationComment), ...errors },
      },
    },
    (req) => s.comments(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/consultations/:id/comments/:commentId/moderation',
    {
      config: { access: 'cms:edit' },
      schema: {
        tags,
        summary: 'Show a comment on the portal (personal details masked) or not',
        params: CommentParams,
        body: CommentModerationInput,
        response: { 200: Type.Array(ConsultationComment), ...errors },
      },
    },
    (req) => s.moderate(req.ctx, req.params.id, req.params.commentId, req.body),
  );
  app.post(
    '/api/v1/consultations/:id/comments/:commentId/adoption',
    {
      config: { access: 'cms:edit' },
      schema: {
        tags,
        summary: 'After the close day: adopted, partly or not, with the reason (the comment’s reply)',
        params: CommentParams,
        body: CommentAdoptionInput,
        response: { 200: Type.Array(ConsultationComment), ...errors },
      },
    },
    (req) => s.adopt(req.ctx, req.params.id, req.params.commentId, req.body),
  );
}
