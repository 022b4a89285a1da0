// The route kit (decision 095): what every routes file needs and used to write out for itself — the
// error table of a route's response schema, reading multipart uploads, and optimistic concurrency
// through ETag / If-Match. Lint (`one-way/route-kit`) refuses the hand-written forms elsewhere.
import { ErrorResponse } from '@greenvoice/common';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import Type, { type TSchema } from 'typebox';
import { ApiError } from './api-error.ts';

/** Statuses an API route may declare as answering in the one error shape. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423 | 429 | 503 | 507;

/**
 * The error part of a route's `response` schema: `response: { 200: Thing, ...errorResponses(404, 409) }`.
 * `plugins/security.ts` adds the statuses the framework gives every route (400, 429, 500, 503, 507;
 * 401/403 behind a permission; 403/413/415 with a body), so a route lists what its own logic answers —
 * listing a framework status again is harmless.
 */
export function errorResponses<const S extends ErrorStatus>(
  ...statuses: S[]
): Record<S, typeof ErrorResponse> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorResponse])) as Record<S, typeof ErrorResponse>;
}

/** The schema part of an upload route: `schema: { ...multipartBody, response: … }`. */
export const multipartBody = { consumes: ['multipart/form-data'] };

/** 415 unless the request is multipart/form-data; `field` names the form field the files go in. */
export function requireMultipart(req: FastifyRequest, field: string, plural = false): void {
  if (!req.isMultipart())
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', [
      {
        field,
        message: '请以 multipart/form-data 上传文件',
        messageEn: plural
          ? 'Upload the files as multipart/form-data'
          : 'Upload the file as multipart/form-data',
      },
    ]);
}

/** The files of a multipart request (several, in the field `files`), streamed to whoever reads them. */
export function uploadedFiles(req: FastifyRequest): AsyncIterableIterator<MultipartFile> {
  requireMultipart(req, 'files', true);
  return req.files();
}

/**
 * Every part (fields and files) of a multipart form, for a form that mixes them (the portal's report
 * form): a plain 415 when the request is not multipart, for the page's own error handler to render.
 */
export function multipartParts(
  req: FastifyRequest,
  options: Parameters<FastifyRequest['parts']>[0],
): ReturnType<FastifyRequest['parts']> {
  if (!req.isMultipart()) throw new ApiError('UNSUPPORTED_MEDIA_TYPE');
  return req.parts(options);
}

/**
 * The one file of a multipart request, in the field `file`, read into memory (the multipart limits in
 * app.ts bound it). `purpose` words the 400 for a request without it: 选择要上传 / 要导入的文件.
 */
export async function uploadedFile(
  req: FastifyRequest,
  purpose: 'upload' | 'import',
): Promise<{ fileName: string; bytes: Buffer }> {
  requireMultipart(req, 'file');
  const part = await req.file();
  if (!part || part.fieldname !== 'file')
    throw new ApiError('VALIDATION_FAILED', [
      purpose === 'upload'
        ? { field: 'file', message: '请选择要上传的文件', messageEn: 'Choose a file to upload' }
        : { field: 'file', message: '请选择要导入的文件', messageEn: 'Choose a file to import' },
    ]);
  // an import names its source in its report: a nameless part is called "upload" there
  return {
    fileName: purpose === 'import' ? part.filename || 'upload' : part.filename,
    bytes: await part.toBuffer(),
  };
}

/**
 * The version the client saw, from its If-Match header (the route's schema declares `IfMatchHeaders`,
 * so validation has already refused a missing or malformed one): `"3"` or `W/"3"` → 3.
 */
export function ifMatchVersion(req: FastifyRequest): number {
  const header = req.headers['if-match'];
  const m = typeof header === 'string' ? /"(\d+)"/.exec(header) : null;
  if (!m)
    throw new ApiError('VALIDATION_FAILED', [
      { field: 'if-match', message: '缺少 If-Match', messageEn: 'If-Match is required' },
    ]);
  return Number(m[1]);
}

/** Sends the record's version as its ETag (what If-Match sends back) and answers the record. */
export function withEtag<T extends { version: number }>(reply: FastifyReply, record: T): T {
  reply.header('etag', `"${record.version}"`);
  return record;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The 200 of a route that answers an .xlsx file: `response: { 200: XlsxFile, ...errorResponses(…) }`. */
export const XlsxFile = sentAsBytes(
  Type.String({ description: 'an .xlsx workbook', contentMediaType: XLSX_TYPE }),
);

/**
 * A 200 the handler sends as bytes or a stream it made itself (Fastify does not serialise those): the
 * schema documents what the bytes hold, the handler's type is what it really sends.
 */
export function sentAsBytes<S extends TSchema>(schema: S) {
  return Type.Unsafe<Buffer | Readable>(schema);
}

/**
 * Sends a workbook (bytes, or the stream of `spreadsheets/xlsx-export.ts`) as a download named
 * `filename` (Chinese is fine: RFC 5987 `filename*`, with an ASCII `fallback` for old clients).
 */
export function sendXlsx(
  reply: FastifyReply,
  file: { filename: string; body: Buffer | Readable; fallback?: string },
) {
  return reply
    .type(XLSX_TYPE)
    .header('cache-control', 'no-store')
    .header(
      'content-disposition',
      `attachment; filename="${file.fallback ?? 'export'}.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    )
    .send(file.body);
}
