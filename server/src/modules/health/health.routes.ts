import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import Type from 'typebox';
import type { DatabaseHandle } from '../../db/database.ts';
import { ApiError } from '../../http/api-error.ts';
import { ErrorResponse } from '@greenvoice/common';

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
          503: ErrorResponse,
        },
      },
    },
    async () => {
      try {
        await sql`SELECT 1`.execute(database.db);
      } catch {
        throw new ApiError('UNAVAILABLE');
      }
      return { status: 'ok' as const, database: database.dialect };
    },
  );
}
