import {
  Campaign,
  CampaignBoard,
  CampaignInput,
  CampaignUpdate,
  ErrorResponse,
  IdParams,
} from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { CampaignService } from './campaign.service.ts';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};
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
}
