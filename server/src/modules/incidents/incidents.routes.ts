import {
  ExportQuery,
  FollowUpInput,
  IdParams,
  Incident,
  IncidentInput,
  IncidentListQuery,
  IncidentUpdate,
  Page,
} from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { IncidentsService } from './incidents.service.ts';
import { errorResponses, sendXlsx, XlsxFile } from '../../http/route-kit.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 429);
const tags = ['environment'];
const write = { config: { access: 'incidents:write' as const } };

export function incidentsRoutes(fastify: FastifyInstance, incidents: IncidentsService) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/environment/incidents',
    {
      config: { access: 'public', siteData: true },
      schema: {
        tags,
        summary: 'Environmental incident releases, newest first',
        querystring: IncidentListQuery,
        response: { 200: Page(Incident), ...errors },
      },
    },
    (req) => incidents.list(req.query),
  );
  app.get(
    '/api/v1/environment/incidents/export.xlsx',
    {
      config: { access: 'environment:read', siteData: true },
      schema: {
        tags,
        summary: 'Every release (of a status) as Excel, newest first (audited)',
        querystring: ExportQuery(IncidentListQuery),
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (req, reply) => sendXlsx(reply, await incidents.exportXlsx(req.ctx, req.query)),
  );
  app.get(
    '/api/v1/environment/incidents/:id',
    {
      config: { access: 'public', siteData: true },
      schema: {
        tags,
        summary: 'One release with its follow-ups',
        params: IdParams,
        response: { 200: Incident, ...errors },
      },
    },
    (req) => incidents.get(req.params.id),
  );
  app.post(
    '/api/v1/environment/incidents',
    { ...write, schema: { tags, body: IncidentInput, response: { 201: Incident, ...errors } } },
    async (req, reply) => reply.code(201).send(await incidents.create(req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/environment/incidents/:id',
    {
      ...write,
      schema: { tags, params: IdParams, body: IncidentUpdate, response: { 200: Incident, ...errors } },
    },
    (req) => incidents.update(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/v1/environment/incidents/:id/follow-ups',
    {
      ...write,
      schema: {
        tags,
        summary: 'Publish a follow-up (进展通报); closes: the response has ended',
        params: IdParams,
        body: FollowUpInput,
        response: { 201: Incident, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await incidents.addFollowUp(req.ctx, req.params.id, req.body)),
  );
}
