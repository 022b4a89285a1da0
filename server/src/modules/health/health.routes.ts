// Liveness and database reachability, for load balancers and monitoring: 200 while the database
// answers, 503 with `"database":"down"` (and the one error shape) while it does not. Nothing is cached:
// each call asks the database, so the answer turns back to 200 as soon as it is reachable again.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { pingDatabase } from '../../db/ping.ts';
import Type from 'typebox';
import type { DatabaseHandle } from '../../db/database.ts';
import { DATABASE_RETRY_AFTER_SECONDS, errorBody } from '../../plugins/errors.ts';
import { ErrorResponse } from '@greenvoice/common';

const HealthDown = Type.Object({
  ...ErrorResponse.properties,
  database: Type.Literal('down'),
});

export function healthRoutes(fastify: FastifyInstance, database: DatabaseHandle) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
          }),
          503: HealthDown,
        },
      },
    },
    async (request, reply) => {
      try {
        await pingDatabase(database.db);
      } catch (err) {
        request.log.warn({ err }, 'health: the database does not answer');
        return reply
          .code(503)
          .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
          .send({ ...errorBody('DATABASE_UNAVAILABLE', request.id), database: 'down' as const });
      }
      return { status: 'ok' as const, database: database.dialect };
    },
  );
}
