// Public calculators other systems call: AQI (HJ 633) and surface-water class (GB 3838-2002). They
// read nothing and store nothing; all the work is the pure code in common/src/environment.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import {
  AqiInputError,
  AqiToolRequest,
  AqiToolResponse,
  WaterClassInputError,
  WaterClassToolRequest,
  WaterClassToolResponse,
  classify,
  computeAqi,
} from '@greenvoice/common';
import { invalid } from '../../http/api-error.ts';
import { errorResponses } from '../../http/route-kit.ts';

// 403: a cross-site browser POST is refused (security.ts); 429: the API rate limit.
const errors = errorResponses(400, 403, 429);
const tags = ['tools'];

/** Input the schema lets through but the standard cannot judge: a 400 naming the field. */
function asValidationError(e: unknown): unknown {
  return e instanceof AqiInputError || e instanceof WaterClassInputError
    ? invalid(e.field, e.messageZh, e.messageEn)
    : e;
}

export function envToolsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/v1/tools/aqi',
    {
      // A calculation stores nothing: no audit record, or anyone could fill the audit log.
      config: { access: 'public', changesNothing: true },
      schema: {
        tags,
        summary: 'Air quality index (HJ 633-2012) from pollutant concentrations',
        body: AqiToolRequest,
        response: { 200: AqiToolResponse, ...errors },
      },
    },
    (req) => {
      const { kind, concentrations, standard, date } = req.body;
      try {
        return computeAqi(kind, concentrations, {
          ...(standard ? { standard } : {}),
          ...(date ? { date } : {}),
        });
      } catch (e) {
        throw asValidationError(e);
      }
    },
  );
  app.post(
    '/api/v1/tools/water-class',
    {
      // A calculation stores nothing: no audit record, or anyone could fill the audit log.
      config: { access: 'public', changesNothing: true },
      schema: {
        tags,
        summary: 'Surface-water class (GB 3838-2002, single-factor method) of one section',
        body: WaterClassToolRequest,
        response: { 200: WaterClassToolResponse, ...errors },
      },
    },
    (req) => {
      try {
        return classify(req.body.waterbody, req.body.values);
      } catch (e) {
        throw asValidationError(e);
      }
    },
  );
}
