import { ErrorResponse, ImportResult } from '@greenvoice/common';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ApiError } from '../../http/api-error.ts';
import type { OrgExcelService } from './org-excel.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  413: ErrorResponse,
  415: ErrorResponse,
  422: ErrorResponse,
};
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
        consumes: ['multipart/form-data'],
        response: { 200: ImportResult, ...errors },
      },
    },
    async (req) => {
      if (!req.isMultipart())
        throw new ApiError('UNSUPPORTED_MEDIA_TYPE', [
          {
            field: 'file',
            message: '请以 multipart/form-data 上传文件',
            messageEn: 'Upload the file as multipart/form-data',
          },
        ]);
      const part = await req.file();
      if (!part || part.fieldname !== 'file')
        throw new ApiError('VALIDATION_FAILED', [
          { field: 'file', message: '请选择要导入的文件', messageEn: 'Choose a file to import' },
        ]);
      const buf = await part.toBuffer();
      return excel.importWorkbook(req.ctx, buf);
    },
  );
}
