// The console's API for service guides (办事指南): read with cms:read, edit and attach forms with
// cms:edit, publish and unpublish with cms:publish (the people who put things on the portal).
import {
  GuideFormParams,
  IdParams,
  ServiceGuide,
  ServiceGuideInput,
  ServiceGuideTransition,
  ServiceGuideUpdate,
} from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { readUpload } from '../cms/cms.routes.ts';
import type { ServiceGuidesService } from './service-guides.service.ts';
import { errorResponses } from '../../http/route-kit.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 507);
const tags = ['service guides'];

export function serviceGuidesRoutes(fastify: FastifyInstance, guides: ServiceGuidesService) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/service-guides',
    {
      config: { access: 'cms:read' },
      schema: {
        tags,
        summary: 'Service guides (办事指南)',
        response: { 200: Type.Array(ServiceGuide), ...errors },
      },
    },
    (req) => guides.list(req.ctx),
  );
  app.get(
    '/api/v1/service-guides/:id',
    {
      config: { access: 'cms:read' },
      schema: { tags, params: IdParams, response: { 200: ServiceGuide, ...errors } },
    },
    (req) => guides.get(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/service-guides',
    {
      config: { access: 'cms:edit' },
      schema: {
        tags,
        summary: 'Create a draft guide',
        body: ServiceGuideInput,
        response: { 201: ServiceGuide, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await guides.create(req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/service-guides/:id',
    {
      config: { access: 'cms:edit' },
      schema: {
        tags,
        params: IdParams,
        body: ServiceGuideUpdate,
        response: { 200: ServiceGuide, ...errors },
      },
    },
    (req) => guides.update(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/v1/service-guides/:id/transition',
    {
      config: { access: 'cms:publish' },
      schema: {
        tags,
        summary: 'Publish (every required element present) or unpublish a guide',
        params: IdParams,
        body: ServiceGuideTransition,
        response: { 200: ServiceGuide, ...errors },
      },
    },
    (req) => guides.transition(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/v1/service-guides/:id/forms',
    {
      config: { access: 'cms:edit' },
      schema: {
        tags,
        summary: 'Attach a downloadable form (PDF, Word, Excel)',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: ServiceGuide, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await guides.uploadForm(req.ctx, req.params.id, await readUpload(req))),
  );
  app.delete(
    '/api/v1/service-guides/:id/forms/:formId',
    {
      config: { access: 'cms:edit' },
      schema: { tags, params: GuideFormParams, response: { 200: ServiceGuide, ...errors } },
    },
    (req) => guides.removeForm(req.ctx, req.params.id, req.params.formId),
  );
}
