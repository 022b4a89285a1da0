// Deny by default: every route declares its access; each request is tied to its session, checked
// against the route's permission and, if it changes state, against cross-site forgery; every
// state-changing request leaves an audit record (docs/security-requirements.md §10, §18, §24). Each request
// first spends its client's rate-limit budget, so refused requests count too (§20, decision 065).
import { ErrorResponse } from '@greenvoice/common';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Config } from '../config.ts';
import { ApiError } from '../http/api-error.ts';
import type { DeclaredRoute, RouteAccess } from '../http/fastify-types.ts';
import type { AuditService } from '../modules/audit/audit.service.ts';
import type { AuthService } from '../modules/auth/auth.service.ts';
import { INSPECTOR_HEADER } from './rate-limits.ts';
import { sendRefusal } from '../portal/pages/refusal-page.ts';
import { sendError } from './errors.ts';
import { sendTooManyRequests, type RateLimits } from './rate-limits.ts';
import { createRefusalAudit } from './refusal-audit.ts';

/** Routes that plugins register (API docs, console assets) are public by this explicit list. */
export const PLUGIN_PUBLIC_PREFIXES = ['/api/docs', '/admin'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionCookieName(config: Config): string {
  return config.cookieSecure ? '__Host-gv_session' : 'gv_session';
}

// declared beside the Fastify type additions that name it, so the two files import in one direction only
export type { DeclaredRoute };

/**
 * Registers the security hooks and returns the table of every route and its declared access, which
 * the route-coverage, role-matrix and fuzz tests walk.
 */
export function registerSecurity(
  app: FastifyInstance,
  deps: { config: Config; auth: AuthService; audit: AuditService; limits: RateLimits },
): DeclaredRoute[] {
  const { config, auth, audit, limits } = deps;
  const refusals = createRefusalAudit(audit, (err) => app.log.error({ err }, 'audit record failed'));
  app.decorate('refusalAudit', refusals);
  app.addHook('onReady', async () => refusals.start());
  app.addHook('onClose', async () => refusals.stop());
  const cookieName = sessionCookieName(config);
  const declaredRoutes: DeclaredRoute[] = [];

  app.addHook('onRoute', (route) => {
    route.config ??= {};
    const cfg = route.config as { access?: RouteAccess };
    if (!cfg.access && PLUGIN_PUBLIC_PREFIXES.some((p) => route.url === p || route.url.startsWith(`${p}/`)))
      cfg.access = 'public';
    if (!cfg.access)
      throw new Error(
        `Route ${String(route.method)} ${route.url} declares no access (permission or 'public')`,
      );
    declareFrameworkStatuses(route, cfg.access);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        declaredRoutes.push({
          method,
          url: route.url,
          access: cfg.access,
          schema: route.schema as Record<string, unknown> | undefined,
        });
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    request.ctx = {
      actor: null,
      requestId: request.id,
      clientIp: request.ip,
      userAgent: request.headers['user-agent'] ?? '',
      audited: false,
    };
    reply.header('x-request-id', request.id);
    // the self-inspection's own in-process requests carry a token that never leaves the process
    if (!limits.counted.has(request.raw) && request.headers[INSPECTOR_HEADER] !== limits.inspectorToken)
      for (const bucket of limits.bucketsFor(request.url)) {
        const wait = await limits.hit(bucket, request.ip);
        if (wait !== null) return sendTooManyRequests(reply, wait);
      }
    const access = request.routeOptions.config.access;
    const unsafe = !SAFE_METHODS.has(request.method);
    if (unsafe && !sameOrigin(request, config)) return sendRefusal(reply, new ApiError('CSRF_REJECTED'));

    const token = request.cookies[cookieName];
    if (token) request.ctx.actor = await auth.resolveSession(token);
    if (!access || access === 'public') return;
    // API answers are personal: never cached by a browser or proxy.
    reply.header('cache-control', 'no-store');
    const actor = request.ctx.actor;
    if (!actor) return sendError(reply, new ApiError('UNAUTHENTICATED'));
    if (actor.mustChangePassword && access !== 'session:self')
      return sendError(reply, new ApiError('PASSWORD_CHANGE_REQUIRED'));
    if (actor.mustEnrolTotp && access !== 'session:self')
      return sendError(reply, new ApiError('TOTP_ENROLMENT_REQUIRED'));
    if (!actor.permissions.has(access)) return sendError(reply, new ApiError('FORBIDDEN'));
  });

  // The safety net: a state-changing request whose service wrote no audit record (it failed, was
  // refused, or never reached a service) is recorded here, before the answer leaves.
  app.addHook('onSend', async (request, reply, payload) => {
    if (SAFE_METHODS.has(request.method) || !request.ctx || request.ctx.audited) return payload;
    // refused calls to a calculator (cross-site, rate-limited) are still recorded; answered ones are not
    if (request.routeOptions.config.changesNothing && reply.statusCode < 400) return payload;
    if (request.routeOptions.config.notAudited && ![401, 403, 429].includes(reply.statusCode)) return payload;
    const status = reply.statusCode;
    const result = status === 401 || status === 403 ? 'denied' : status >= 400 ? 'failure' : 'success';
    if (result === 'success')
      request.log.warn({ url: request.url }, 'state change without an audit record from its service');
    const route = (request.routeOptions.url ?? request.url.split('?')[0] ?? '').slice(0, 200);
    try {
      // nobody to hold to account, or a flood: bounded, aggregated records (refusal-audit.ts)
      if (status === 429 || (!request.ctx.actor && result !== 'success'))
        await refusals.note(request.ctx, {
          method: request.method,
          route,
          status,
          reason: reasonOf(payload, status),
        });
      else
        await audit.record(request.ctx, {
          action: `http.${request.method.toLowerCase()}`,
          objectType: 'route',
          objectId: route,
          result,
          detail: { status },
        });
    } catch (err) {
      request.log.error({ err }, 'audit record failed');
    }
    return payload;
  });
  return declaredRoutes;
}

/**
 * Every API route can get some answers from the framework rather than from its own logic: 400 (invalid
 * input), 429 (rate limit), 500, 503 (database unreachable), 507 (storage full); 401/403 when it needs a permission; 403 (cross-site), 413 and 415 when
 * it takes a body. They are added to the route's response schema so the OpenAPI document lists them;
 * statuses a route's own logic gives (404, 409, 422, 423…) the route declares itself, and the fuzz
 * test fails any answer whose status is not declared.
 */
function declareFrameworkStatuses(route: RouteOptions, access: RouteAccess) {
  const schema = route.schema as { response?: Record<string, unknown> } | undefined;
  if (!route.url.startsWith('/api/v1/') || !schema?.response) return;
  const methods = [route.method].flat();
  // 503/507: the database unreachable or the disk full (decision 060) — even a read touches the session
  const statuses = [400, 429, 500, 503, 507];
  if (access !== 'public') statuses.push(401, 403);
  if (methods.some((m) => !SAFE_METHODS.has(m))) statuses.push(403, 413, 415);
  for (const status of statuses) schema.response[status] ??= ErrorResponse;
}

/** The error code of an answer in the one error shape (it comes first), else its status. */
function reasonOf(payload: unknown, status: number): string {
  const m = typeof payload === 'string' ? /^\{"code":"([A-Z_]{1,40})"/.exec(payload) : null;
  return m?.[1] ?? (status === 429 ? 'RATE_LIMITED' : String(status));
}

/** Fetch-Metadata and Origin checks: a browser's cross-site POST is refused; tools without them pass. */
function sameOrigin(request: FastifyRequest, config: Config): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.origin;
  if (!origin) return true;
  const own = `${request.protocol}://${request.headers.host ?? ''}`;
  return origin === own || (config.publicUrl !== null && origin === config.publicUrl);
}
