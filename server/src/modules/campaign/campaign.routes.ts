import {
  Campaign,
  CampaignBoard,
  CampaignInput,
  CampaignReport,
  CampaignUpdate,
  ExportLangQuery,
  IdParams,
} from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { CampaignService } from './campaign.service.ts';
import { errorResponses, sendXlsx, XlsxFile } from '../../http/route-kit.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['organisation'];

export function campaignRoutes(fastify: FastifyInstance, campaigns: CampaignService) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/campaigns',
    {
      config: { access: 'campaign:read' },
      schema: {
        tags,
        summary: 'Contact-registration campaigns',
        response: { 200: Type.Object({ items: Type.Array(Campaign) }), ...errors },
      },
    },
    (req) => campaigns.list(req.ctx),
  );
  app.get(
    '/api/v1/campaigns/:id/board',
    {
      config: { access: 'campaign:read' },
      schema: {
        tags,
        summary: 'Who has named their deputy leader and information officer',
        params: IdParams,
        response: { 200: CampaignBoard, ...errors },
      },
    },
    (req) => campaigns.board(req.ctx, req.params.id),
  );
  app.get(
    '/api/v1/campaigns/:id/board.xlsx',
    {
      config: { access: 'campaign:read' },
      schema: {
        tags,
        summary: 'The board as Excel (audited)',
        params: IdParams,
        querystring: ExportLangQuery,
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (req, reply) => sendXlsx(reply, await campaigns.exportXlsx(req.ctx, req.params.id, req.query.lang)),
  );
  app.post(
    '/api/v1/campaigns',
    {
      config: { access: 'campaign:write' },
      schema: { tags, body: CampaignInput, response: { 201: Campaign, ...errors } },
    },
    async (req, reply) => reply.code(201).send(await campaigns.create(req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/campaigns/:id',
    {
      config: { access: 'campaign:write' },
      schema: { tags, params: IdParams, body: CampaignUpdate, response: { 200: Campaign, ...errors } },
    },
    (req) => campaigns.update(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/api/v1/campaigns/:id/reports',
    {
      config: { access: 'campaign:write' },
      schema: {
        tags,
        summary: 'Record the date a unit reported its contacts (null clears it)',
        params: IdParams,
        body: CampaignReport,
        response: { 200: CampaignBoard, ...errors, ...errorResponses(422) },
      },
    },
    (req) => campaigns.recordReport(req.ctx, req.params.id, req.body),
  );
}
