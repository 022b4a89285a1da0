// The console's API for the self-inspection (decision 174): runs and their findings with inspection:read;
// running the checks now and the bureau's settings with inspection:manage; the monthly monitoring
// bulletins (decision 187) drafted and published with bulletins:draft, signed off with bulletins:approve.
import {
  EmptyBody,
  IdParams,
  InspectionBulletin,
  InspectionBulletinCreate,
  InspectionBulletinEdit,
  InspectionTrend,
  InspectionRunDetail,
  InspectionRunPage,
  InspectionRunQuery,
  InspectionRunStarted,
  InspectionSettings,
  InspectionSettingsInput,
} from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { errorResponses } from '../../http/route-kit.ts';
import { bulletinStepRoutes } from '../bulletins/bulletin-step-routes.ts';
import type { InspectionService } from './inspection.service.ts';
import type { MonitoringBulletins } from './monitoring-bulletins.service.ts';

const errors = errorResponses(400, 401, 403, 404);
const changes = errorResponses(400, 401, 403, 404, 409, 422);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const tags = ['inspection'];
const read = { config: { access: 'inspection:read' as const } };
const manage = { config: { access: 'inspection:manage' as const } };

export function inspectionRoutes(
  fastify: FastifyInstance,
  inspection: InspectionService,
  bulletins: MonitoringBulletins,
) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/inspection/runs',
    {
      ...read,
      schema: {
        tags,
        summary: 'Runs of the site and new-media checks, newest first',
        querystring: InspectionRunQuery,
        response: { 200: InspectionRunPage, ...errors },
      },
    },
    (req) => inspection.runs(req.ctx, { page: req.query.page ?? 1, pageSize: req.query.pageSize ?? 20 }),
  );
  app.get(
    '/api/v1/inspection/findings/:id/run',
    {
      ...read,
      schema: {
        tags,
        summary: 'The run a finding belongs to ("why this score" opens it, decision 195)',
        params: IdParams,
        response: { 200: Type.Object({ runId: Type.Integer() }), ...errors },
      },
    },
    (req) => inspection.runOfFinding(req.ctx, req.params.id),
  );
  app.get(
    '/api/v1/inspection/runs/:id',
    {
      ...read,
      schema: {
        tags,
        summary: 'One run with its findings (single-veto items first) and their evidence',
        params: IdParams,
        response: { 200: InspectionRunDetail, ...errors },
      },
    },
    (req) => inspection.run1(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/inspection/runs',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Run the checks now',
        body: EmptyBody,
        response: { 201: InspectionRunStarted, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await inspection.run(req.ctx)),
  );
  app.get(
    '/api/v1/inspection/settings',
    {
      ...read,
      schema: {
        tags,
        summary: 'Alert interval and the recorded security incident',
        response: { 200: InspectionSettings, ...errors },
      },
    },
    (req) => inspection.settings(req.ctx),
  );
  app.put(
    '/api/v1/inspection/settings',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Set the alert interval; record or clear a security incident (a single-veto item)',
        body: InspectionSettingsInput,
        response: { 200: InspectionSettings, ...errors },
      },
    },
    (req) => inspection.saveSettings(req.ctx, req.body),
  );
  app.get(
    '/api/v1/inspection/trend',
    {
      ...read,
      schema: {
        tags,
        summary: 'How each of the last twelve months ended: score and findings of its last completed run',
        response: { 200: InspectionTrend, ...errors },
      },
    },
    (req) => bulletins.trend(req.ctx),
  );

  app.get(
    '/api/v1/inspection/bulletins',
    {
      ...read,
      schema: {
        tags,
        summary:
          'Monthly monitoring bulletins (监测通报), newest month first; published ones only without bulletin rights',
        response: { 200: Type.Object({ items: Type.Array(InspectionBulletin) }), ...errors },
      },
    },
    (req) => bulletins.list(req.ctx),
  );
  app.get(
    '/api/v1/inspection/bulletins/:id',
    { ...read, schema: { tags, params: IdParams, response: { 200: InspectionBulletin, ...errors } } },
    (req) => bulletins.get(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/inspection/bulletins',
    {
      config: { access: 'bulletins:draft' },
      schema: {
        tags,
        summary: 'Draft the monitoring bulletin of a month from its runs and findings',
        body: InspectionBulletinCreate,
        response: { 201: InspectionBulletin, ...changes },
      },
    },
    async (req, reply) => reply.code(201).send(await bulletins.create(req.ctx, req.body.month)),
  );
  app.patch(
    '/api/v1/inspection/bulletins/:id',
    {
      config: { access: 'bulletins:draft' },
      schema: {
        tags,
        summary: "Edit a draft's wording, copy-to line and public summary (its findings are taken again)",
        params: IdParams,
        body: InspectionBulletinEdit,
        response: { 200: InspectionBulletin, ...changes },
      },
    },
    (req) => bulletins.edit(req.ctx, req.params.id, req.body),
  );
  bulletinStepRoutes(fastify, {
    base: '/api/v1/inspection/bulletins',
    tags,
    reply: InspectionBulletin,
    errors: changes,
    step: (ctx, id, action, body) => bulletins.transition(ctx, id, action, body),
  });
  // the file is sent as bytes, outside the typed JSON replies
  fastify.get(
    '/api/v1/inspection/bulletins/:id/file.docx',
    {
      ...read,
      schema: {
        tags,
        summary: 'The monitoring bulletin as Word (GB/T 9704)',
        params: IdParams,
        response: { 200: Type.String({ contentMediaType: DOCX }), ...errors },
      },
    },
    async (req, reply) => {
      const { body, filename } = await bulletins.file(req.ctx, (req.params as { id: number }).id);
      return reply
        .type(DOCX)
        .header(
          'content-disposition',
          `attachment; filename="monitoring-bulletin.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(body);
    },
  );
}
