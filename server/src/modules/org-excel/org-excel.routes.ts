import { ImportResult } from '@greenvoice/common';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { OrgExcelService } from './org-excel.service.ts';
import { errorResponses, multipartBody, uploadedFile } from '../../http/route-kit.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const errors = errorResponses(400, 401, 403, 413, 415, 422);
const tags = ['organisation'];
const FileResponse = Type.String({ description: 'an .xlsx workbook', contentMediaType: XLSX });

export function orgExcelRoutes(app: FastifyInstance, excel: OrgExcelService) {
  app.get(
    '/api/v1/org/export.xlsx',
    {
      config: { access: 'orgData:export' },
      schema: {
        tags,
        summary: 'Units and people as Excel (audited)',
        response: { 200: FileResponse, ...errors },
      },
    },
    async (req, reply) => {
      const buf = await excel.exportWorkbook(req.ctx);
      const name = encodeURIComponent(`单位与人员-${new Date().toISOString().slice(0, 10)}.xlsx`);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="org.xlsx"; filename*=UTF-8''${name}`)
        .send(buf);
    },
  );
  app.get(
    '/api/v1/org/import-template.xlsx',
    {
      config: { access: 'orgData:import' },
      schema: {
        tags,
        summary: 'An empty import workbook with instructions',
        response: { 200: FileResponse, ...errors },
      },
    },
    async (_req, reply) =>
      reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="org-template.xlsx"; filename*=UTF-8''${encodeURIComponent('单位与人员导入模板.xlsx')}`,
        )
        .send(await excel.template()),
  );
  app.post(
    '/api/v1/org/import',
    {
      config: { access: 'orgData:import' },
      schema: {
        tags,
        summary: 'Import units and people from Excel: all rows or none',
        description:
          'multipart/form-data with one field "file" (.xlsx, ≤ 10 MiB). A 422 IMPORT_REJECTED lists every bad row as fields `sheet/row/column`.',
        ...multipartBody,
        response: { 200: ImportResult, ...errors },
      },
    },
    async (req) => excel.importWorkbook(req.ctx, (await uploadedFile(req, 'import')).bytes),
  );
}
