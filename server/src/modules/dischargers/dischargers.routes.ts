import {
  Discharger,
  DischargerDetail,
  DischargerInput,
  DischargerListQuery,
  DischargerUpdate,
  Disclosure,
  DisclosureInput,
  DisclosureUpdate,
  ExportQuery,
  IdParams,
  OverdueList,
  OverdueQuery,
  Page,
} from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { DischargersService } from './dischargers.service.ts';
import { errorResponses, sendXlsx, XlsxFile } from '../../http/route-kit.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 429);
const tags = ['environment'];
const write = { config: { access: 'environment:write' as const } };

export function dischargersRoutes(fastify: FastifyInstance, dischargers: DischargersService) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/environment/dischargers',
    {
      config: { access: 'public', siteData: true },
      schema: {
        tags,
        summary: 'Search key discharging units (重点排污单位)',
        querystring: DischargerListQuery,
        response: { 200: Page(Discharger), ...errors },
      },
    },
    (req) => dischargers.list(req.query),
  );
  app.get(
    '/api/v1/environment/dischargers/export.xlsx',
    {
      config: { access: 'environment:read', siteData: true },
      schema: {
        tags,
        summary: 'The whole search result as Excel (audited)',
        querystring: ExportQuery(DischargerListQuery),
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (req, reply) => sendXlsx(reply, await dischargers.exportXlsx(req.ctx, req.query)),
  );
  app.get(
    '/api/v1/environment/dischargers/:id',
    {
      config: { access: 'public', siteData: true },
      schema: {
        tags,
        summary: 'A unit’s disclosures by the annual report’s eight parts, and its deadlines',
        params: IdParams,
        response: { 200: DischargerDetail, ...errors },
      },
    },
    (req) => dischargers.detail(req.params.id),
  );
  app.get(
    '/api/v1/environment/disclosure-deadlines/overdue',
    {
      config: { access: 'environment:read' },
      schema: {
        tags,
        summary: 'Disclosures overdue (and, by default, published late) as of a date',
        querystring: OverdueQuery,
        response: { 200: OverdueList, ...errors },
      },
    },
    (req) => dischargers.overdue(req.ctx, req.query),
  );
  app.post(
    '/api/v1/environment/dischargers',
    { ...write, schema: { tags, body: DischargerInput, response: { 201: Discharger, ...errors } } },
    async (req, reply) => reply.code(201).send(await dischargers.create(req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/environment/dischargers/:id',
    {
      ...write,
      schema: { tags, params: IdParams, body: DischargerUpdate, response: { 200: Discharger, ...errors } },
    },
    (req) => dischargers.update(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/v1/environment/dischargers/:id/disclosures',
    {
      ...write,
      schema: {
        tags,
        summary: 'Record an annual or temporary report, an emergency plan filed or a penalty',
        params: IdParams,
        body: DisclosureInput,
        response: { 201: Disclosure, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await dischargers.addDisclosure(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/api/v1/environment/disclosures/:id',
    {
      ...write,
      schema: { tags, params: IdParams, body: DisclosureUpdate, response: { 200: Disclosure, ...errors } },
    },
    (req) => dischargers.updateDisclosure(req.ctx, req.params.id, req.body),
  );
}
