import { Evidence, IdParams } from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { EvidenceService } from './evidence.service.ts';
import { errorResponses, multipartBody, uploadedFiles } from '../../http/route-kit.ts';

const errors = errorResponses(400, 401, 403, 404, 413, 415, 507);
const tags = ['submissions'];

export function evidenceRoutes(fastify: FastifyInstance, evidence: EvidenceService) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/v1/evidence',
    {
      config: { access: 'submissions:write' },
      schema: {
        tags,
        summary: 'Upload evidence files (PNG, JPEG, PDF by content; ≤ 10 MiB each, ≤ 5 a request)',
        description:
          'multipart/form-data, files in the field "files". A file of another type gets 415 naming the type detected; images are re-encoded (EXIF and GPS removed). Attach the returned ids to a submission within a day.',
        ...multipartBody,
        response: { 201: Type.Array(Evidence), ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await evidence.upload(req.ctx, uploadedFiles(req))),
  );
  app.get(
    '/api/v1/evidence/:id',
    {
      config: { access: 'submissions:read' },
      schema: {
        tags,
        summary: 'Download an evidence file (always as an attachment)',
        params: IdParams,
        response: { 200: Type.String({ description: 'the file' }), ...errors },
      },
    },
    async (req, reply) => {
      const file = await evidence.open(req.ctx, req.params.id);
      return (
        reply
          .type(file.mediaType)
          .header('x-content-type-options', 'nosniff')
          .header(
            'content-disposition',
            `attachment; filename="evidence-${req.params.id}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          )
          // a stream is sent as it is, never through the response serialiser
          .send(file.stream as never)
      );
    },
  );
}
