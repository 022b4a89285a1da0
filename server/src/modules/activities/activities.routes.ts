// The activities API (docs/activities.md): events with photos, statistics, the five-into norm and board,
// the Excel export, and sign-up events (staff) with the public sign-up and cancellation.
import {
  Activity,
  ActivityInput,
  ActivityListQuery,
  ActivityStats,
  ActivityUpdate,
  ExportQuery,
  FiveIntoNormSchema,
  IdParams,
  NormBoard,
  Ok,
  Page,
  RowId,
  RegistryEntry,
  RegistryEntryInput,
  RegistryEntryUpdate,
  RegistryQuery,
  SignupCancel,
  SignupEvent,
  SignupEventInput,
  SignupInput,
  SignupList,
  SignupResult,
  YearQuery,
} from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { errorResponses, multipartBody, sendXlsx, uploadedFiles, XlsxFile } from '../../http/route-kit.ts';
import type { ActivitiesReport } from './activities-report.service.ts';
import type { ActivitiesService } from './activities.service.ts';
import type { SignupsService } from './signups.service.ts';
import type { RegistryService } from './registry.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 413, 415, 507);
const tags = ['activities'];
const read = { config: { access: 'activities:read' as const } };
const write = { config: { access: 'activities:write' as const } };
const PhotoParams = Type.Object({ id: RowId(), photoId: RowId() }, { additionalProperties: false });

export function activitiesRoutes(
  fastify: FastifyInstance,
  deps: {
    activities: ActivitiesService;
    report: ActivitiesReport;
    signups: SignupsService;
    registry: RegistryService;
  },
) {
  const { activities, report, signups, registry } = deps;
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/activities',
    {
      ...read,
      schema: {
        tags,
        summary: 'Events (list, calendar and per-unit views filter this)',
        querystring: ActivityListQuery,
        response: { 200: Page(Activity), ...errors },
      },
    },
    (req) => activities.list(req.ctx, req.query),
  );
  app.post(
    '/api/v1/activities',
    { ...write, schema: { tags, body: ActivityInput, response: { 201: Activity, ...errors } } },
    async (req, reply) => reply.code(201).send(await activities.create(req.ctx, req.body)),
  );
  app.get(
    '/api/v1/activities/stats',
    {
      ...read,
      schema: {
        tags,
        summary: 'Counts by kind, target, theme, unit and quarter',
        querystring: YearQuery,
        response: { 200: ActivityStats, ...errors },
      },
    },
    (req) => report.stats(req.ctx, req.query.year),
  );
  app.get(
    '/api/v1/activities/five-into-board',
    {
      ...read,
      schema: {
        tags,
        summary: 'Who meets the five-into norm, per unit, target and period',
        querystring: YearQuery,
        response: { 200: NormBoard, ...errors },
      },
    },
    (req) => report.normBoard(req.ctx, req.query.year),
  );
  app.put(
    '/api/v1/activities/five-into-norm',
    {
      config: { access: 'plans:write' },
      schema: {
        tags,
        summary: 'The bureau’s five-into norm',
        body: FiveIntoNormSchema,
        response: { 200: FiveIntoNormSchema, ...errors },
      },
    },
    (req) => report.setNorm(req.ctx, req.body),
  );
  app.get(
    '/api/v1/activities.xlsx',
    {
      ...read,
      schema: {
        tags,
        summary: 'The events as Excel (audited)',
        querystring: ExportQuery(ActivityListQuery),
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (req, reply) => sendXlsx(reply, await activities.exportXlsx(req.ctx, req.query)),
  );
  app.get(
    '/api/v1/activities/:id',
    { ...read, schema: { tags, params: IdParams, response: { 200: Activity, ...errors } } },
    (req) => activities.get(req.ctx, req.params.id),
  );
  app.patch(
    '/api/v1/activities/:id',
    {
      ...write,
      schema: { tags, params: IdParams, body: ActivityUpdate, response: { 200: Activity, ...errors } },
    },
    (req) => activities.update(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/v1/activities/:id',
    { ...write, schema: { tags, params: IdParams, response: { 200: Ok, ...errors } } },
    async (req) => {
      await activities.remove(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/v1/activities/:id/photos',
    {
      ...write,
      schema: {
        tags,
        summary: 'Add photos (PNG or JPEG by content, ≤ 5 a request; re-encoded, EXIF removed)',
        params: IdParams,
        ...multipartBody,
        response: { 201: Activity, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await activities.addPhotos(req.ctx, req.params.id, uploadedFiles(req))),
  );
  app.get(
    '/api/v1/activities/:id/photos/:photoId',
    {
      ...read,
      schema: {
        tags,
        params: PhotoParams,
        response: { 200: Type.String({ description: 'the image' }), ...errors },
      },
    },
    async (req, reply) => {
      const p = await activities.photo(req.ctx, req.params.id, req.params.photoId);
      return reply
        .type(p.mediaType)
        .header('x-content-type-options', 'nosniff')
        .send(p.stream as never);
    },
  );

  app.get(
    '/api/v1/signup-events',
    {
      ...read,
      schema: { tags, response: { 200: Type.Object({ items: Type.Array(SignupEvent) }), ...errors } },
    },
    (req) => signups.listEvents(req.ctx),
  );
  app.post(
    '/api/v1/signup-events',
    {
      ...write,
      schema: {
        tags,
        summary: 'An open day or event with seats',
        body: SignupEventInput,
        response: { 201: SignupEvent, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await signups.createEvent(req.ctx, req.body)),
  );
  app.get(
    '/api/v1/signup-events/:id/signups',
    { ...read, schema: { tags, params: IdParams, response: { 200: SignupList, ...errors } } },
    (req) => signups.signupsOf(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/public/signup-events/:id/signups',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sign up (anyone): confirmed while seats are free, else on the waiting list',
        params: IdParams,
        body: SignupInput,
        response: { 201: SignupResult, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await signups.signUp(req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/v1/public/signups/cancel',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Cancel by the confirmation code',
        body: SignupCancel,
        response: { 200: SignupResult, ...errors },
      },
    },
    (req) => signups.cancel(req.ctx, req.body.code),
  );

  // 环境教育基地 / 绿色学校 / 绿色社区 (docs/activities.md "Registries")
  app.get(
    '/api/v1/activity-registry',
    {
      ...read,
      schema: {
        tags,
        summary: 'Education bases, green schools and green communities of the bureau',
        querystring: RegistryQuery,
        response: { 200: Page(RegistryEntry), ...errors },
      },
    },
    (req) => registry.list(req.ctx, req.query),
  );
  app.post(
    '/api/v1/activity-registry',
    { ...write, schema: { tags, body: RegistryEntryInput, response: { 201: RegistryEntry, ...errors } } },
    async (req, reply) => reply.code(201).send(await registry.create(req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/activity-registry/:id',
    {
      ...write,
      schema: {
        tags,
        params: IdParams,
        body: RegistryEntryUpdate,
        response: { 200: RegistryEntry, ...errors },
      },
    },
    (req) => registry.update(req.ctx, req.params.id, req.body),
  );
}
