// Public environment pages, server-rendered and complete without JavaScript, in the portal's frame
// (header, channel bar, display settings, footer, national meta tags). They read through the same
// services as the JSON API; bodies come from the *-pages.ts functions.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DischargersService } from '../../modules/dischargers/dischargers.service.ts';
import type { IncidentsService } from '../../modules/incidents/incidents.service.ts';
import type { QualityService } from '../../modules/monitoring/quality.service.ts';
import { airHistoryBody, airNowBody } from './air-pages.ts';
import { dischargerDetailBody, dischargerSearchBody } from './enterprise-pages.ts';
import { incidentBody, incidentsBody } from './incident-pages.ts';
import type { SafeHtml } from '../html.ts';
import { ApiError } from '../../http/api-error.ts';
import { sectionBody, waterBody } from './water-pages.ts';

const Id = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
const COLUMN = {
  name: '环境质量',
  description: '环境质量与环境信息公开',
  keywords: '空气质量,水质,企业环境信息,突发环境事件',
  type: '信息公开',
};

async function send(req: FastifyRequest, reply: FastifyReply, title: string, body: SafeHtml) {
  const page = await req.server.portal.frame(
    req,
    {
      title,
      column: COLUMN,
      breadcrumb: [{ label: '环境信息', href: '/environment/air' }, { label: title }],
    },
    body,
  );
  if (page === null) return req.server.portal.notFound(req, reply);
  return reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=60').send(page);
}

export function environmentPortalRoutes(
  fastify: FastifyInstance,
  deps: { quality: QualityService; dischargers: DischargersService; incidents: IncidentsService },
) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const page = {
    config: { access: 'public' as const },
    // an unknown station, section, enterprise or incident gets the portal's 404 page, not JSON
    errorHandler: async (err: Error, req: FastifyRequest, reply: FastifyReply) => {
      if (err instanceof ApiError && err.code === 'NOT_FOUND') return req.server.portal.notFound(req, reply);
      throw err;
    },
  };
  app.get('/environment/air', { ...page, schema: { hide: true } }, async (req, reply) =>
    send(
      req,
      reply,
      '空气质量实时发布',
      airNowBody(await deps.quality.airNow(), { history: (id) => `/environment/air/${id}` }),
    ),
  );
  app.get(
    '/environment/air/:id',
    {
      ...page,
      schema: {
        hide: true,
        params: Id,
        querystring: Type.Object({
          from: Type.Optional(Type.String({ format: 'date' })),
          to: Type.Optional(Type.String({ format: 'date' })),
        }),
      },
    },
    async (req, reply) => {
      const h = await deps.quality.airHistory(req.params.id, {
        granularity: 'daily',
        ...(req.query.from ? { from: req.query.from } : {}),
        ...(req.query.to ? { to: req.query.to } : {}),
      });
      const good = await deps.quality.goodDays(Number(h.to.slice(0, 4)), req.params.id);
      return send(req, reply, `${h.station.name}空气质量历史数据`, airHistoryBody(h, good));
    },
  );
  app.get('/environment/water', { ...page, schema: { hide: true } }, async (req, reply) =>
    send(
      req,
      reply,
      '地表水水质状况',
      waterBody(await deps.quality.waterStatus(), { section: (id) => `/environment/water/${id}` }),
    ),
  );
  app.get('/environment/water/:id', { ...page, schema: { hide: true, params: Id } }, async (req, reply) => {
    const r = await deps.quality.waterReadings(req.params.id, {});
    return send(req, reply, `${r.section.name}水质`, sectionBody(r.section, r.items));
  });
  app.get(
    '/environment/enterprises',
    {
      ...page,
      schema: {
        hide: true,
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
        }),
      },
    },
    async (req, reply) => {
      const q = req.query.q ?? '';
      const list = await deps.dischargers.list({ q, page: req.query.page ?? 1, pageSize: 20 });
      const qs = (n: number) =>
        `/environment/enterprises?${new URLSearchParams({ ...(q ? { q } : {}), page: String(n) })}`;
      return send(
        req,
        reply,
        '重点排污单位环境信息',
        dischargerSearchBody(q, list, { detail: (id) => `/environment/enterprises/${id}`, page: qs }),
      );
    },
  );
  app.get(
    '/environment/enterprises/:id',
    { ...page, schema: { hide: true, params: Id } },
    async (req, reply) => {
      const d = await deps.dischargers.detail(req.params.id);
      return send(req, reply, d.discharger.name, dischargerDetailBody(d));
    },
  );
  app.get('/environment/incidents', { ...page, schema: { hide: true } }, async (req, reply) =>
    send(
      req,
      reply,
      '突发环境事件信息发布',
      incidentsBody((await deps.incidents.list({ pageSize: 50 })).items, {
        detail: (id) => `/environment/incidents/${id}`,
      }),
    ),
  );
  app.get(
    '/environment/incidents/:id',
    { ...page, schema: { hide: true, params: Id } },
    async (req, reply) => {
      const i = await deps.incidents.get(req.params.id);
      return send(req, reply, i.title, incidentBody(i));
    },
  );
}
