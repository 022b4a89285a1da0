// The workflow steps of a bulletin as routes, for the ranking bulletins and the monthly monitoring
// bulletins alike: POST <base>/:id/<step> with the version read (and a reason to return), each step under
// its own permission (BULLETIN_TRANSITIONS).
import {
  BULLETIN_TRANSITIONS,
  BulletinReturn,
  BulletinVersion,
  IdParams,
  type BulletinAction,
} from '@greenvoice/common';
import type { FastifyInstance } from 'fastify';
import type { TSchema } from 'typebox';
import type { RequestContext } from '../../http/context.ts';

export function bulletinStepRoutes(
  app: FastifyInstance,
  o: {
    base: string;
    tags: string[];
    reply: TSchema;
    errors: Record<number, TSchema>;
    step: (
      ctx: RequestContext,
      id: number,
      action: BulletinAction,
      body: { version: number; reason?: string },
    ) => Promise<unknown>;
  },
) {
  for (const action of Object.keys(BULLETIN_TRANSITIONS) as BulletinAction[])
    app.post(
      `${o.base}/:id/${action}`,
      {
        config: { access: BULLETIN_TRANSITIONS[action].permission },
        schema: {
          tags: o.tags,
          params: IdParams,
          body: action === 'return' ? BulletinReturn : BulletinVersion,
          response: { 200: o.reply, ...o.errors },
        },
      },
      (req) =>
        o.step(
          req.ctx,
          (req.params as { id: number }).id,
          action,
          req.body as { version: number; reason?: string },
        ),
    );
}
