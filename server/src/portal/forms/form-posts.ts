// The scope every public form's POSTs are registered in (the case forms, 活动报名): an urlencoded body
// read as fields, each route declared public with its body schema (the fuzzer generates form bodies
// from it) and hidden from the API docs, and any refusal — a malformed body, a stray field — answered
// with the portal's error page, never JSON.
import type { TSchema } from 'typebox';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toApiError } from '../../plugins/errors.ts';
import { sendRefusal } from '../pages/refusal-page.ts';

/** Answers a failed form POST with the portal's error page (500s logged). */
export function formErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const e = toApiError(err);
  if (e.status >= 500) req.log.error({ err }, 'request failed');
  return sendRefusal(reply, e);
}

/** The route options of one urlencoded form POST. */
export const formRoute = (body: TSchema) => ({
  config: { access: 'public' as const },
  schema: { hide: true, consumes: ['application/x-www-form-urlencoded'], body },
  errorHandler: formErrorHandler,
});

/** Registers `routes` in a scope that reads urlencoded bodies of at most `bodyLimit` bytes. */
export function formPosts(
  fastify: FastifyInstance,
  bodyLimit: number,
  routes: (scope: FastifyInstance) => void | Promise<void>,
) {
  fastify.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    await routes(scope);
  });
}
