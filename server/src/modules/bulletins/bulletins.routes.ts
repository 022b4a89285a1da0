import {
  Bulletin,
  BulletinCreate,
  BulletinEdit,
  BulletinReturn,
  BulletinVersion,
  BULLETIN_TRANSITIONS,
  ErrorResponse,
  IdParams,
  type BulletinAction,
  RowId,
} from '@greenvoice/common';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { BulletinsService } from './bulletins.service.ts';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};
const tags = ['bulletins'];
const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function bulletinsRoutes(fastify: FastifyInstance, bulletins: BulletinsService) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
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
  for (const action of Object.keys(BULLETIN_TRANSITIONS) as BulletinAction[]) {
    app.post(
      `/api/v1/bulletins/:id/${action}`,
      {
        config: { access: BULLETIN_TRANSITIONS[action].permission },
        schema: {
          tags,
          params: IdParams,
          body: action === 'return' ? BulletinReturn : BulletinVersion,
          response: { 200: Bulletin, ...errors },
        },
      },
      (req) =>
        bulletins.transition(
          req.ctx,
          req.params.id,
          action,
          req.body as { version: number; reason?: string },
        ),
    );
  }
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
