import { Deduction, DeductionDelete, DeductionInput, DeductionList, IdParams } from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { DeductionsService } from './deductions.service.ts';
import { errorResponses } from '../../http/route-kit.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 422);
const tags = ['assessment'];

export function deductionsRoutes(fastify: FastifyInstance, deductions: DeductionsService) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/assessment/plans/:id/deductions',
    {
      config: { access: 'assessment:read' },
      schema: {
        tags,
        summary: "Negative-list deductions of a plan (an officer sees their own unit's)",
        params: IdParams,
        response: { 200: DeductionList, ...errors },
      },
    },
    (req) => deductions.list(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/assessment/plans/:id/deductions',
    {
      config: { access: 'deductions:write' },
      schema: {
        tags,
        summary: 'Record a negative-list deduction with its reason and evidence',
        params: IdParams,
        body: DeductionInput,
        response: { 201: Deduction, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await deductions.create(req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/v1/assessment/deductions/:id/delete',
    {
      config: { access: 'deductions:write' },
      schema: {
        tags,
        summary: 'Delete a deduction recorded in error (the reason is audited)',
        params: IdParams,
        body: DeductionDelete,
        response: { 200: Type.Object({ ok: Type.Literal(true) }), ...errors },
      },
    },
    async (req) => {
      await deductions.remove(req.ctx, req.params.id, req.body.reason);
      return { ok: true as const };
    },
  );
}
