// A refused portal request (429 too many requests, a malformed form) answers a page, never JSON: Chinese
// and English from the one message table (common/src/errors.ts). It is built without the database or
// the site's frame: under a flood it must cost next to nothing.
import { ERROR_MESSAGES, type ErrorCode } from '@greenvoice/common';
import type { FastifyReply } from 'fastify';
import type { ApiError } from '../../http/api-error.ts';
import { sendError } from '../../plugins/errors.ts';
import { html } from '../html.ts';

/** Answers a refused request: in the one error shape for the API, with the refusal page elsewhere. */
export function sendRefusal(reply: FastifyReply, error: ApiError): FastifyReply {
  if (reply.request.url.startsWith('/api/')) return sendError(reply, error);
  if (error.headers) reply.headers(error.headers);
  const wait = Number(error.headers?.['retry-after']);
  return reply
    .code(error.status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(renderRefusalPage(error.code, Number.isFinite(wait) ? wait : undefined));
}

export function renderRefusalPage(code: ErrorCode, retryAfterSeconds?: number): string {
  const { zh, en } = ERROR_MESSAGES[code];
  const wait =
    retryAfterSeconds === undefined
      ? null
      : { zh: `请在 ${retryAfterSeconds} 秒后再试。`, en: `Please try again in ${retryAfterSeconds} s.` };
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${zh} · ${en}</title>
      </head>
      <body style="font: 18px/1.6 sans-serif; max-width: 40em; margin: 3em auto; padding: 0 1em">
        <main>
          <h1>${zh}</h1>
          ${wait ? html`<p>${wait.zh}</p>` : ''}
          <h2 lang="en">${en}</h2>
          ${wait ? html`<p lang="en">${wait.en}</p>` : ''}
          <p><a href="/">返回首页</a> · <a href="/" lang="en">Home</a></p>
        </main>
      </body>
    </html> `.value;
}
