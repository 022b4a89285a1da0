// A refused portal request (429 too many requests, a malformed form, a cross-site POST) answers a page,
// never JSON: the same page as any failed public request (plugins/errors.ts htmlErrorPage). It is built
// without the database or the site's frame: under a flood it must cost next to nothing.
import type { FastifyReply } from 'fastify';
import type { ApiError } from '../../http/api-error.ts';
import { sendError, sendHtmlError } from '../../plugins/errors.ts';

/** Answers a refused request: in the one error shape for the API, with the error page elsewhere. */
export function sendRefusal(reply: FastifyReply, error: ApiError): FastifyReply {
  return reply.request.url.startsWith('/api/') ? sendError(reply, error) : sendHtmlError(reply, error);
}
