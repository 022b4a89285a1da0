// One error shape for every failure (common/src/errors.ts); nothing internal — stacks, SQL — ever
// reaches the client.
import { ERROR_MESSAGES, type ApiErrorBody, type ErrorCode, type FieldError } from '@greenvoice/common';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { databaseFailure } from '../db/database-failures.ts';
import { ApiError } from '../http/api-error.ts';
import { escapeHtml } from '../portal/html.ts';
import { fieldErrorsFromAjv } from '../http/validation-messages.ts';

export function errorBody(
  code: ErrorCode,
  requestId: string,
  fields?: FieldError[],
  specific?: { zh: string; en: string },
): ApiErrorBody {
  const std = ERROR_MESSAGES[code];
  return {
    code,
    message: specific?.zh ?? std.zh,
    messageEn: specific?.en ?? std.en,
    requestId,
    ...(fields && fields.length > 0 ? { fields } : {}),
  };
}

export function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  if (error.headers) reply.headers(error.headers);
  return reply
    .code(error.status)
    .type('application/json; charset=utf-8')
    .send(errorBody(error.code, reply.request.id, error.fields, error.specific));
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_PARTS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_BAD_URL: 'BAD_REQUEST',
  FST_ERR_ASYNC_CONSTRAINT: 'BAD_REQUEST',
  // a path parameter longer than the router accepts (found by fuzzing: it answered 414 in Fastify's shape)
  FST_ERR_MAX_PARAM_LENGTH: 'BAD_REQUEST',
};

/** Malformed multipart bodies: busboy throws plain errors (found by fuzzing: they answered 500). */
const MALFORMED_MULTIPART = /^Multipart: |unexpected end of multipart data/i;

/** SQLite (better-sqlite3) and PostgreSQL codes of violated constraints. */
const DB_CONSTRAINT_CODES: Record<string, ErrorCode> = {
  SQLITE_CONSTRAINT_FOREIGNKEY: 'REFERENCED',
  '23503': 'REFERENCED',
  SQLITE_CONSTRAINT_UNIQUE: 'DUPLICATE',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'DUPLICATE',
  '23505': 'DUPLICATE',
};

/** Clients may try again after this many seconds when the database is away (503). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export function toApiError(err: FastifyError): ApiError {
  if (err instanceof ApiError) return err;
  // the database gone or the disk full is the operator's to fix, not a fault of ours (decision 060)
  const failure = databaseFailure(err);
  if (failure === 'unavailable')
    return new ApiError('DATABASE_UNAVAILABLE', undefined, undefined, {
      'retry-after': String(DATABASE_RETRY_AFTER_SECONDS),
    });
  if (failure === 'storage-full') return new ApiError('STORAGE_FULL');
  if (err.validation)
    return new ApiError(
      'VALIDATION_FAILED',
      fieldErrorsFromAjv(err.validation as never, err.validationContext ?? 'body'),
    );
  // A constraint the service did not foresee (a reference from a newer module, a race on a unique
  // value) is still the client's conflict, not a server fault.
  const constraint = err.code ? DB_CONSTRAINT_CODES[err.code] : undefined;
  if (constraint) return new ApiError(constraint);
  const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
  if (mapped) return new ApiError(mapped);
  if (MALFORMED_MULTIPART.test(err.message)) return new ApiError('BAD_REQUEST');
  if (err.statusCode === 429) return new ApiError('RATE_LIMITED');
  if (err instanceof SyntaxError || (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)) {
    return new ApiError(
      err.statusCode === 413
        ? 'PAYLOAD_TOO_LARGE'
        : err.statusCode === 415
          ? 'UNSUPPORTED_MEDIA_TYPE'
          : 'BAD_REQUEST',
    );
  }
  return new ApiError('INTERNAL');
}

type PageHandler = (request: FastifyRequest, reply: FastifyReply) => unknown;
const htmlNotFound = new WeakMap<FastifyInstance, PageHandler>();

/** Lets the public portal answer unknown pages with its own HTML 404 page (API paths keep JSON). */
export function setHtmlNotFound(app: FastifyInstance, handler: PageHandler): void {
  htmlNotFound.set(app, handler);
}

const htmlBadRequest = new WeakMap<FastifyInstance, PageHandler>();

/**
 * Lets the portal answer a refused page request (a NUL in the query, caught before any page runs) with
 * its own HTML 400 page in the site's frame (decision 117).
 */
export function setHtmlBadRequest(app: FastifyInstance, handler: PageHandler): void {
  htmlBadRequest.set(app, handler);
}

/**
 * Errors the router raises before any hook runs (a bad URL, an over-long path parameter): Fastify's
 * `frameworkErrors` option, so they too answer in the one shape with a request id.
 */
export function frameworkErrorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  reply.header('x-request-id', request.id);
  return sendError(reply, toApiError(err));
}

/** Public pages are read by people, not programs: a server-side failure there answers HTML, not JSON. */
/** A page read by a person (the portal), not the API or the console. */
export const servesPages = (url: string) => !url.startsWith('/api/') && !url.startsWith('/admin');

/** The page a refused or failed public request answers: the one message table, Chinese and English. */
export function htmlErrorPage(error: ApiError, requestId: string): string {
  const body = errorBody(error.code, requestId, undefined, error.specific);
  const [zh, en, id] = [body.message, body.messageEn, body.requestId].map(escapeHtml);
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${zh}</title>` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">` +
    `</head><body><h1>${zh}</h1><p lang="en">${en}</p><p>请求编号 Request id: ${id}</p>` +
    `<p><a href="/">返回首页 Home</a></p></body></html>`
  );
}

export function sendHtmlError(reply: FastifyReply, error: ApiError): FastifyReply {
  if (error.headers) reply.headers(error.headers);
  return reply
    .code(error.status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(htmlErrorPage(error, reply.request.id));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const apiError = toApiError(err);
    if (apiError.status >= 500) request.log.error({ err }, 'request failed');
    if (apiError.status >= 500 && servesPages(request.url)) return sendHtmlError(reply, apiError);
    // a page read by a person never answers JSON, whatever refused it
    if (servesPages(request.url) && (request.method === 'GET' || request.method === 'HEAD')) {
      const page = htmlBadRequest.get(app);
      if (page && apiError.status === 400) return page(request, reply);
      return sendHtmlError(reply, apiError);
    }
    return sendError(reply, apiError);
  });
  app.setNotFoundHandler((request, reply) => {
    const page = htmlNotFound.get(app);
    if (page && !request.url.startsWith('/api/') && (request.method === 'GET' || request.method === 'HEAD'))
      return page(request, reply);
    return sendError(reply, new ApiError(request.url.startsWith('/api/') ? 'ROUTE_NOT_FOUND' : 'NOT_FOUND'));
  });
}
