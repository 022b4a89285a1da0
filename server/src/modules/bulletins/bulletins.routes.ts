import {
  Bulletin,
  BulletinCreate,
  BulletinEdit,
  BulletinVersion,
  DateCheck,
  DateCheckQuery,
  IdParams,
  RowId,
  RulesImpact,
  RulesImpactBody,
} from '@greenvoice/common';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { BulletinsService } from './bulletins.service.ts';
import { errorResponses } from '../../http/route-kit.ts';
import { bulletinStepRoutes } from './bulletin-step-routes.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 422);
const tags = ['bulletins'];
const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function bulletinsRoutes(fastify: FastifyInstance, bulletins: BulletinsService) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/v1/bulletins/rules-impact',
    {
      config: { access: 'plans:write' },
      schema: {
        tags,
        summary: 'Which published bulletins new rules would compute differently (they stay as published)',
        body: RulesImpactBody,
        response: { 200: RulesImpact, ...errors },
      },
    },
    (req) => bulletins.rulesImpact(req.ctx, req.body.planId, req.body.document),
  );
  app.get(
    '/api/v1/bulletins',
    {
      config: { access: 'assessment:read' },
      schema: {
        tags,
        querystring: Type.Object({ planId: RowId() }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Bulletin) }), ...errors },
      },
    },
    (req) => bulletins.list(req.ctx, req.query.planId),
  );
  app.get(
    '/api/v1/assessment/date-check',
    {
      config: { access: 'assessment:read' },
      schema: {
        tags,
        summary:
          "What a piece of this date counts for: outside every plan's year, or in a month whose bulletin is published",
        querystring: DateCheckQuery,
        response: { 200: DateCheck, ...errors },
      },
    },
    (req) => bulletins.dateCheck(req.ctx, req.query.date),
  );
  app.get(
    '/api/v1/bulletins/:id',
    {
      config: { access: 'assessment:read' },
      schema: { tags, params: IdParams, response: { 200: Bulletin, ...errors } },
    },
    (req) => bulletins.get(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/bulletins',
    {
      config: { access: 'bulletins:draft' },
      schema: {
        tags,
        summary: "Draft a bulletin from a period's ranking",
        body: BulletinCreate,
        response: { 201: Bulletin, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await bulletins.create(req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/bulletins/:id',
    {
      config: { access: 'bulletins:draft' },
      schema: { tags, params: IdParams, body: BulletinEdit, response: { 200: Bulletin, ...errors } },
    },
    (req) => bulletins.edit(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/v1/bulletins/:id',
    {
      config: { access: 'bulletins:draft' },
      schema: {
        tags,
        summary: 'Delete a draft (it has no document number yet)',
        params: IdParams,
        querystring: BulletinVersion,
        response: { 200: Type.Object({ ok: Type.Literal(true) }), ...errors },
      },
    },
    async (req) => {
      await bulletins.remove(req.ctx, req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
  bulletinStepRoutes(fastify, {
    base: '/api/v1/bulletins',
    tags,
    reply: Bulletin,
    errors,
    step: (ctx, id, action, body) => bulletins.transition(ctx, id, action, body),
  });
  // files are sent as bytes, outside the typed JSON replies
  for (const type of ['docx', 'xlsx'] as const) {
    fastify.get(
      `/api/v1/bulletins/:id/file.${type}`,
      {
        config: { access: 'assessment:read' },
        schema: {
          tags,
          summary: type === 'docx' ? 'The bulletin as Word (GB/T 9704)' : 'The ranking as Excel',
          params: IdParams,
          response: { 200: Type.String({ contentMediaType: TYPES[type] }), ...errors },
        },
      },
      async (req, reply) => {
        const { body, filename } = await bulletins.file(req.ctx, (req.params as { id: number }).id, type);
        return reply
          .type(TYPES[type])
          .header(
            'content-disposition',
            `attachment; filename="bulletin.${type}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
          )
          .send(body);
      },
    );
  }
}
