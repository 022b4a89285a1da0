// The new-media matrix's API (docs/new-media.md). Reading needs media:read, changing media:write; both
// are scoped by the owner unit in the services.
import {
  AccountHistory,
  AccountMetrics,
  AccountsImportResult,
  BoardQuery,
  IdParams,
  MediaAccount,
  MediaAccountInput,
  MediaAccountListQuery,
  MediaAccountUpdate,
  MediaBoard,
  MetricsEntry,
  MetricsImportResult,
  MetricsRange,
  Page,
  UnitMonthly,
  UnitMonthlyQuery,
  WciRanking,
  WciRankingQuery,
} from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { MediaBoardService } from './media-board.service.ts';
import type { MediaExcel } from './media-excel.ts';
import type { MediaService } from './media.service.ts';
import { errorResponses, multipartBody, sendXlsx, uploadedFile, XlsxFile } from '../../http/route-kit.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 429);
const tags = ['media'];
const read = { config: { access: 'media:read' as const } };
const write = { config: { access: 'media:write' as const } };
const UPLOAD =
  'multipart/form-data with one field "file": CSV (UTF-8 or GB18030) or .xlsx (first sheet). All rows or none: a 422 IMPORT_REJECTED lists every problem as `row/column`.';

export function mediaRoutes(
  fastify: FastifyInstance,
  deps: { media: MediaService; board: MediaBoardService; excel: MediaExcel },
) {
  const { media, board, excel } = deps;
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/media/accounts',
    {
      ...read,
      schema: {
        tags,
        summary: 'The new-media account registry (台账)',
        querystring: MediaAccountListQuery,
        response: { 200: Page(MediaAccount), ...errors },
      },
    },
    (req) => media.list(req.ctx, req.query),
  );
  app.post(
    '/api/v1/media/accounts',
    { ...write, schema: { tags, body: MediaAccountInput, response: { 201: MediaAccount, ...errors } } },
    async (req, reply) => reply.code(201).send(await media.create(req.ctx, req.body)),
  );
  app.get(
    '/api/v1/media/accounts/:id',
    { ...read, schema: { tags, params: IdParams, response: { 200: MediaAccount, ...errors } } },
    (req) => media.get(req.ctx, req.params.id),
  );
  app.patch(
    '/api/v1/media/accounts/:id',
    {
      ...write,
      schema: {
        tags,
        params: IdParams,
        body: MediaAccountUpdate,
        response: { 200: MediaAccount, ...errors },
      },
    },
    (req) => media.update(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/v1/media/accounts/:id/history',
    {
      ...read,
      schema: {
        tags,
        summary: 'Every change to the account',
        params: IdParams,
        response: { 200: AccountHistory, ...errors },
      },
    },
    (req) => media.history(req.ctx, req.params.id),
  );
  app.get(
    '/api/v1/media/accounts/:id/qr.svg',
    {
      ...read,
      schema: {
        tags,
        summary: 'The QR code of the account’s link, drawn locally (SVG)',
        params: IdParams,
        response: { 200: Type.String({ contentMediaType: 'image/svg+xml' }), ...errors },
      },
    },
    async (req, reply) =>
      reply
        .type('image/svg+xml')
        .header('cache-control', 'private, no-cache')
        .send(await board.qr(req.ctx, req.params.id)),
  );
  app.get(
    '/api/v1/media/accounts/:id/metrics',
    {
      ...read,
      schema: {
        tags,
        summary: 'Metrics rows and month summaries with the WCI',
        params: IdParams,
        querystring: MetricsRange,
        response: { 200: AccountMetrics, ...errors },
      },
    },
    (req) => media.metrics(req.ctx, req.params.id, req.query),
  );
  app.put(
    '/api/v1/media/accounts/:id/metrics',
    {
      ...write,
      schema: {
        tags,
        summary: 'Enter (or replace) one day’s or month’s metrics by hand',
        params: IdParams,
        body: MetricsEntry,
        response: { 200: AccountMetrics, ...errors },
      },
    },
    (req) => media.putMetrics(req.ctx, req.params.id, req.body as never),
  );
  app.post(
    '/api/v1/media/accounts/:id/metrics/import',
    {
      ...write,
      schema: {
        tags,
        summary: 'Import a WeChat or Weibo statistics export',
        description: UPLOAD,
        ...multipartBody,
        params: IdParams,
        response: { 200: MetricsImportResult, ...errors },
      },
    },
    async (req) =>
      media.importMetrics(
        req.ctx,
        req.params.id,
        await uploadedFile(req, 'import').then((u) => ({ fileName: u.fileName, file: u.bytes })),
      ),
  );
  app.get(
    '/api/v1/media/accounts.xlsx',
    {
      ...read,
      schema: {
        tags,
        summary: 'The registry as Excel (audited)',
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (req, reply) =>
      sendXlsx(reply, {
        filename: '新媒体台账.xlsx',
        fallback: 'media-accounts',
        body: await excel.exportWorkbook(req.ctx),
      }),
  );
  app.post(
    '/api/v1/media/accounts/import',
    {
      ...write,
      schema: {
        tags,
        summary: 'Import the registry workbook (the export’s columns)',
        description: UPLOAD,
        ...multipartBody,
        response: { 200: AccountsImportResult, ...errors },
      },
    },
    async (req) => excel.importWorkbook(req.ctx, (await uploadedFile(req, 'import')).bytes),
  );
  app.get(
    '/api/v1/media/board',
    {
      ...read,
      schema: {
        tags,
        summary: 'Opening deadline and silent or broken accounts',
        querystring: BoardQuery,
        response: { 200: MediaBoard, ...errors },
      },
    },
    (req) => board.board(req.ctx, req.query),
  );
  app.get(
    '/api/v1/media/wci',
    {
      ...read,
      schema: {
        tags,
        summary: 'The month’s WCI (V14.2) ranking of WeChat official accounts',
        querystring: WciRankingQuery,
        response: { 200: WciRanking, ...errors },
      },
    },
    (req) => board.ranking(req.ctx, req.query.month),
  );
  app.get(
    '/api/v1/media/units/:id/monthly',
    {
      ...read,
      schema: {
        tags,
        summary: 'A unit’s accounts month by month',
        params: IdParams,
        querystring: UnitMonthlyQuery,
        response: { 200: UnitMonthly, ...errors },
      },
    },
    (req) => board.unitMonthly(req.ctx, req.params.id, req.query.year),
  );
}
