// The signed-in person's second factor: status, enrol (password again), confirm with a first code,
// turn off (password again), new recovery codes (password again).
import {
  Ok,
  RecoveryCodes,
  TotpConfirmBody,
  TotpEnrolment,
  TotpPasswordBody,
  TotpStatus,
} from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import { requireActor } from '../../http/context.ts';
import type { AuthService } from './auth.service.ts';
import type { SecondFactorService } from './second-factor.ts';
import { errorResponses } from '../../http/route-kit.ts';

const tags = ['auth'];
const conflictErrors = errorResponses(409);
/** the routes that ask for the password again answer 423 once wrong passwords locked the account */
const reauthErrors = errorResponses(423);

export function secondFactorRoutes(
  fastify: FastifyInstance,
  deps: { secondFactor: SecondFactorService; auth: AuthService; config: Config },
) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { secondFactor, auth, config } = deps;
  // guessing a password or a code through these routes is throttled like sign-in
  const rateLimit = { max: config.loginRateLimitPerMinute, timeWindow: 60_000 };

  app.get(
    '/api/v1/auth/totp',
    {
      config: { access: 'session:self' },
      schema: { tags, summary: 'Second factor (TOTP): status', response: { 200: TotpStatus } },
    },
    (req) => secondFactor.status(req.ctx, auth.totpRequiredFor(requireActor(req.ctx).roles)),
  );

  app.post(
    '/api/v1/auth/totp/enrol',
    {
      config: { access: 'session:self', rateLimit },
      schema: {
        tags,
        summary: 'Start setting up an authenticator app: a new secret as an otpauth:// URI',
        body: TotpPasswordBody,
        response: { 200: TotpEnrolment, ...conflictErrors, ...reauthErrors },
      },
    },
    (req) => secondFactor.enrol(req.ctx, req.body.password),
  );

  app.post(
    '/api/v1/auth/totp/confirm',
    {
      config: { access: 'session:self', rateLimit },
      schema: {
        tags,
        summary: 'Confirm the authenticator with its first code; answers the recovery codes, once',
        body: TotpConfirmBody,
        response: { 200: RecoveryCodes, ...conflictErrors },
      },
    },
    (req) => secondFactor.confirm(req.ctx, req.body.code),
  );

  app.post(
    '/api/v1/auth/totp/disable',
    {
      config: { access: 'session:self', rateLimit },
      schema: {
        tags,
        summary: 'Turn the second factor off',
        body: TotpPasswordBody,
        response: { 200: Ok, ...reauthErrors },
      },
    },
    async (req) => {
      await secondFactor.disable(req.ctx, req.body.password);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/totp/recovery-codes',
    {
      config: { access: 'session:self', rateLimit },
      schema: {
        tags,
        summary: 'Replace the recovery codes (the old ones stop working)',
        body: TotpPasswordBody,
        response: { 200: RecoveryCodes, ...conflictErrors, ...reauthErrors },
      },
    },
    (req) => secondFactor.regenerateRecoveryCodes(req.ctx, req.body.password),
  );
}
