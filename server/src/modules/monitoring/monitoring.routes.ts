import {
  AirHistory,
  AirHistoryQuery,
  AirNow,
  AirStation,
  AirStationInput,
  AirStationUpdate,
  EnvImport,
  EnvImportListQuery,
  EnvImportResult,
  ExportLangQuery,
  ExportQuery,
  GoodDays,
  GoodDaysQuery,
  IdParams,
  Page,
  WaterReading,
  WaterReadingsQuery,
  WaterSection,
  WaterSectionInput,
  WaterSectionUpdate,
  WaterStatusList,
  WaterStatusQuery,
} from '@greenvoice/common';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { MonitoringService } from './monitoring.service.ts';
import type { QualityService } from './quality.service.ts';
import { errorResponses, multipartBody, sendXlsx, uploadedFile, XlsxFile } from '../../http/route-kit.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 429);
const tags = ['environment'];
const importDoc =
  'multipart/form-data with one field "file": CSV (UTF-8 or GB18030) or .xlsx (first sheet), ≤ 10 MiB. All rows or none: a 422 IMPORT_REJECTED lists every problem as `row/column`.';

export function monitoringRoutes(
  fastify: FastifyInstance,
  monitoring: MonitoringService,
  quality: QualityService,
) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // one site's data: the signed-in person's bureau, else the host's site (decision 197)
  const pub = { config: { access: 'public' as const, siteData: true } };

  app.get(
    '/api/v1/environment/air/stations',
    {
      ...pub,
      schema: {
        tags,
        summary: 'Air monitoring stations',
        response: { 200: Type.Object({ items: Type.Array(AirStation) }), ...errors },
      },
    },
    () => quality.stations(),
  );
  app.get(
    '/api/v1/environment/air/now',
    {
      ...pub,
      schema: {
        tags,
        summary: 'Each station’s latest hour: AQI, colour, primary pollutant, advice',
        response: { 200: AirNow, ...errors },
      },
    },
    () => quality.airNow(),
  );
  app.get(
    '/api/v1/environment/air/stations/:id/history',
    {
      ...pub,
      schema: {
        tags,
        summary: 'A station’s hourly or daily values over a period',
        params: IdParams,
        querystring: AirHistoryQuery,
        response: { 200: AirHistory, ...errors },
      },
    },
    (req) => quality.airHistory(req.params.id, req.query),
  );
  app.get(
    '/api/v1/environment/air/good-days',
    {
      ...pub,
      schema: {
        tags,
        summary: 'Share of good days (优良天数比例) by month and year, city or station',
        querystring: GoodDaysQuery,
        response: { 200: GoodDays, ...errors },
      },
    },
    (req) => quality.goodDays(req.query.year, req.query.stationId),
  );
  app.get(
    '/api/v1/environment/water/sections',
    {
      ...pub,
      schema: {
        tags,
        summary: 'Water sections with the month’s class, limiting factors, change and river/basin summaries',
        querystring: WaterStatusQuery,
        response: { 200: WaterStatusList, ...errors },
      },
    },
    (req) => quality.waterStatus(req.query.month),
  );
  app.get(
    '/api/v1/environment/water/sections/:id/readings',
    {
      ...pub,
      schema: {
        tags,
        summary: 'A section’s readings (trend)',
        params: IdParams,
        querystring: WaterReadingsQuery,
        response: { 200: Type.Object({ section: WaterSection, items: Type.Array(WaterReading) }), ...errors },
      },
    },
    (req) => quality.waterReadings(req.params.id, req.query),
  );

  app.get(
    '/api/v1/environment/air/now.xlsx',
    {
      config: { access: 'environment:read', siteData: true },
      schema: {
        tags,
        summary: 'The air stations with their latest hour as Excel (audited)',
        querystring: ExportLangQuery,
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (req, reply) => sendXlsx(reply, await monitoring.exportAir(req.ctx, req.query.lang)),
  );
  app.get(
    '/api/v1/environment/water/sections.xlsx',
    {
      config: { access: 'environment:read', siteData: true },
      schema: {
        tags,
        summary: 'The water sections with a month’s class as Excel (audited)',
        querystring: ExportQuery(WaterStatusQuery),
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (req, reply) => sendXlsx(reply, await monitoring.exportWater(req.ctx, req.query)),
  );

  app.post(
    '/api/v1/environment/air/stations',
    {
      config: { access: 'environment:write' },
      schema: { tags, body: AirStationInput, response: { 201: AirStation, ...errors } },
    },
    async (req, reply) => reply.code(201).send(await monitoring.createStation(req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/environment/air/stations/:id',
    {
      config: { access: 'environment:write' },
      schema: { tags, params: IdParams, body: AirStationUpdate, response: { 200: AirStation, ...errors } },
    },
    (req) => monitoring.updateStation(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/v1/environment/water/sections',
    {
      config: { access: 'environment:write' },
      schema: { tags, body: WaterSectionInput, response: { 201: WaterSection, ...errors } },
    },
    async (req, reply) => reply.code(201).send(await monitoring.createSection(req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/environment/water/sections/:id',
    {
      config: { access: 'environment:write' },
      schema: {
        tags,
        params: IdParams,
        body: WaterSectionUpdate,
        response: { 200: WaterSection, ...errors },
      },
    },
    (req) => monitoring.updateSection(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/v1/environment/air/readings/import',
    {
      config: { access: 'environment:write' },
      schema: {
        tags,
        summary: 'Import hourly air readings (站点编码, 时间, SO2, NO2, CO, O3, PM10, PM2.5)',
        description: importDoc,
        ...multipartBody,
        response: { 200: EnvImportResult, ...errors },
      },
    },
    async (req) => {
      const { fileName, bytes: file } = await uploadedFile(req, 'import');
      return monitoring.importAir(req.ctx, fileName, file);
    },
  );
  app.post(
    '/api/v1/environment/water/readings/import',
    {
      config: { access: 'environment:write' },
      schema: {
        tags,
        summary: 'Import water readings (断面编码, 采样日期, factor columns)',
        description: importDoc,
        ...multipartBody,
        response: { 200: EnvImportResult, ...errors },
      },
    },
    async (req) => {
      const { fileName, bytes: file } = await uploadedFile(req, 'import');
      return monitoring.importWater(req.ctx, fileName, file);
    },
  );
  app.get(
    '/api/v1/environment/imports',
    {
      config: { access: 'environment:read' },
      schema: {
        tags,
        summary: 'Reading imports in scope',
        querystring: EnvImportListQuery,
        response: { 200: Page(EnvImport), ...errors },
      },
    },
    (req) => monitoring.listImports(req.ctx, req.query.page, req.query.pageSize),
  );
}
