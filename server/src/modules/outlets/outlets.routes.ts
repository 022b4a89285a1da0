import {
  ExportQuery,
  IdParams,
  Outlet,
  OutletInput,
  OutletListQuery,
  OutletUpdate,
  Page,
} from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { OutletsService } from './outlets.service.ts';
import { errorResponses, sendXlsx, XlsxFile } from '../../http/route-kit.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['submissions'];

export function outletsRoutes(fastify: FastifyInstance, outlets: OutletsService) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/outlets',
    {
      config: { access: 'outlets:read' },
      schema: {
        tags,
        summary: 'The outlet registry (媒体) with levels and media',
        querystring: OutletListQuery,
        response: { 200: Page(Outlet), ...errors },
      },
    },
    (req) => outlets.list(req.ctx, req.query),
  );
  app.get(
    '/api/v1/outlets/export.xlsx',
    {
      config: { access: 'outlets:read' },
      schema: {
        tags,
        summary: 'The whole filtered registry as Excel (audited)',
        querystring: ExportQuery(OutletListQuery),
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (req, reply) => sendXlsx(reply, await outlets.exportXlsx(req.ctx, req.query)),
  );
  app.post(
    '/api/v1/outlets',
    {
      config: { access: 'outlets:write' },
      schema: { tags, body: OutletInput, response: { 201: Outlet, ...errors } },
    },
    async (req, reply) => reply.code(201).send(await outlets.create(req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/outlets/:id',
    {
      config: { access: 'outlets:write' },
      schema: { tags, params: IdParams, body: OutletUpdate, response: { 200: Outlet, ...errors } },
    },
    (req) => outlets.update(req.ctx, req.params.id, req.body),
  );
}
