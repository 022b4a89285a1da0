import { IdParams, Page, Unit, UnitInput, UnitListQuery, UnitUpdate } from '@greenvoice/common';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { UnitsService } from './units.service.ts';
import { errorResponses } from '../../http/route-kit.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 422);

export function unitsRoutes(fastify: FastifyInstance, units: UnitsService) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/units',
    {
      config: { access: 'units:read' },
      schema: {
        tags: ['organisation'],
        summary: 'List units in scope',
        querystring: UnitListQuery,
        response: { 200: Page(Unit), ...errors },
      },
    },
    (req) => units.list(req.ctx, req.query),
  );
  app.get(
    '/api/v1/units/:id',
    {
      config: { access: 'units:read' },
      schema: { tags: ['organisation'], params: IdParams, response: { 200: Unit, ...errors } },
    },
    (req) => units.get(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/units',
    {
      config: { access: 'units:write' },
      schema: { tags: ['organisation'], body: UnitInput, response: { 201: Unit, ...errors } },
    },
    async (req, reply) => reply.code(201).send(await units.create(req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/units/:id',
    {
      config: { access: 'units:write' },
      schema: {
        tags: ['organisation'],
        params: IdParams,
        body: UnitUpdate,
        response: { 200: Unit, ...errors },
      },
    },
    (req) => units.update(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/v1/units/:id',
    {
      config: { access: 'units:write' },
      schema: {
        tags: ['organisation'],
        params: IdParams,
        response: { 200: Type.Object({ ok: Type.Literal(true) }), ...errors },
      },
    },
    async (req) => {
      await units.remove(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
}
