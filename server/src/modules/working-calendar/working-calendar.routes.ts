import { WorkingCalendarInput, WorkingCalendarYear, YearParams } from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { WorkingCalendarService } from './working-calendar.service.ts';
import { errorResponses } from '../../http/route-kit.ts';

const errors = errorResponses(400, 401, 403, 409);
const tags = ['environment'];

export function workingCalendarRoutes(fastify: FastifyInstance, calendar: WorkingCalendarService) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/working-calendar/:year',
    {
      config: { access: 'environment:read' },
      schema: {
        tags,
        summary: 'A year’s holidays and worked weekend days',
        params: YearParams,
        response: { 200: WorkingCalendarYear, ...errors },
      },
    },
    (req) => calendar.get(req.params.year),
  );
  app.put(
    '/api/v1/working-calendar/:year',
    {
      config: { access: 'calendar:write' },
      schema: {
        tags,
        summary: 'Replace a year’s schedule (version 0 for a new year)',
        params: YearParams,
        body: WorkingCalendarInput,
        response: { 200: WorkingCalendarYear, ...errors },
      },
    },
    (req) => calendar.put(req.ctx, req.params.year, req.body),
  );
}
