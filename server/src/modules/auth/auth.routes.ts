import { ChangePasswordBody, LoginBody, LoginInfo, Me } from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import type { Config } from '../../config.ts';
import { requireActor } from '../../http/context.ts';
import { sessionCookieName } from '../../plugins/security.ts';
import type { AuthService } from './auth.service.ts';
import { errorResponses } from '../../http/route-kit.ts';

const errors = errorResponses(400, 401, 403, 423, 429);
const tags = ['auth'];

export function authRoutes(
  fastify: FastifyInstance,
  deps: { auth: AuthService; config: Config; loginInfo: () => Promise<Static<typeof LoginInfo>> },
) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { auth, config } = deps;
  const cookieName = sessionCookieName(config);

  app.get(
    '/api/v1/auth/login-info',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'What the sign-in page shows (demo accounts in a demo installation)',
        response: { 200: LoginInfo },
      },
    },
    () => deps.loginInfo(),
  );

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public', rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Sign in; sets the session cookie',
        body: LoginBody,
        response: { 200: Me, ...errors },
      },
    },
    async (req, reply) => {
      const { token, actor, idleMinutes } = await auth.login(
        req.ctx,
        req.body.username,
        req.body.password,
        req.body.code,
      );
      reply.setCookie(cookieName, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: config.cookieSecure,
        maxAge: config.sessionAbsoluteHours * 3600,
      });
      req.log.info({ personId: actor.personId, idleMinutes }, 'signed in');
      return auth.presentMe(actor);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'session:self' },
      schema: { tags, response: { 200: Type.Object({ ok: Type.Literal(true) }), ...errors } },
    },
    async (req, reply) => {
      await auth.logout(req.ctx);
      reply.clearCookie(cookieName, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { access: 'session:self' },
      schema: { tags, summary: 'The signed-in person', response: { 200: Me, ...errors } },
    },
    (req) => auth.presentMe(requireActor(req.ctx)),
  );

  app.post(
    '/api/v1/auth/change-password',
    {
      config: {
        access: 'session:self',
        rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags,
        body: ChangePasswordBody,
        response: { 200: Type.Object({ ok: Type.Literal(true) }), ...errors },
      },
    },
    async (req) => {
      await auth.changePassword(req.ctx, req.body.currentPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );
}
