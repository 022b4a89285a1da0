// Open data (docs/requirements.md §8): every public data set as CSV and JSON at a stable URL, paged, with a strong
// ETag (If-None-Match → 304) and the SHA-256 of the body in `Repr-Digest` and `X-Checksum-SHA256`.
// Public and read-only; the API's rate limit applies like everywhere under /api.
import { ErrorResponse, IsoDate } from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { DB } from '../../db/database.ts';
import { checksum, toCsv } from './encode.ts';
import { DATASETS } from './open-data.repo.ts';

const tags = ['open data'];
const errors = { 400: ErrorResponse, 429: ErrorResponse };
export const OPEN_DATA_MAX_PAGE = 5000;

const Query = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: OPEN_DATA_MAX_PAGE, default: 1000 })),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    station: Type.Optional(
      Type.String({ maxLength: 32, pattern: '^[A-Za-z0-9_-]+$', description: 'station or section code' }),
    ),
  },
  { additionalProperties: false },
);
const Cell = Type.Union([Type.String(), Type.Number(), Type.Null()]);
const JsonPage = Type.Object({
  dataset: Type.String(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
  columns: Type.Array(Type.String()),
  items: Type.Array(Type.Record(Type.String(), Cell)),
});
const Listing = Type.Object({
  items: Type.Array(
    Type.Object({
      name: Type.String(),
      title: Type.Object({ zh: Type.String(), en: Type.String() }),
      columns: Type.Array(Type.String()),
      filters: Type.Array(Type.String()),
      json: Type.String(),
      csv: Type.String(),
      total: Type.Integer(),
    }),
  ),
});

export function openDataRoutes(fastify: FastifyInstance, db: DB) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/open-data',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'The public data sets and their URLs', response: { 200: Listing, ...errors } },
    },
    async () => ({
      items: await Promise.all(
        DATASETS.map(async (d) => ({
          name: d.name,
          title: d.title,
          columns: [...d.columns],
          filters: [...d.filters],
          json: `/api/v1/open-data/${d.name}.json`,
          csv: `/api/v1/open-data/${d.name}.csv`,
          total: (await d.fetch(db, { page: 1, pageSize: 1 })).total,
        })),
      ),
    }),
  );

  for (const d of DATASETS) {
    for (const format of ['json', 'csv'] as const) {
      app.get(
        `/api/v1/open-data/${d.name}.${format}`,
        {
          config: { access: 'public' },
          schema: {
            tags,
            summary: `${d.title.en} (${d.title.zh}) as ${format.toUpperCase()}`,
            querystring: Query,
            response: {
              200: format === 'json' ? JsonPage : Type.String({ contentMediaType: 'text/csv' }),
              304: Type.Null(),
              ...errors,
            },
          },
        },
        async (req, reply) => {
          const q = { ...req.query, page: req.query.page ?? 1, pageSize: req.query.pageSize ?? 1000 };
          const { total, rows } = await d.fetch(db, q);
          const body =
            format === 'json'
              ? Buffer.from(
                  JSON.stringify({
                    dataset: d.name,
                    page: q.page,
                    pageSize: q.pageSize,
                    total,
                    columns: d.columns,
                    items: rows,
                  }),
                )
              : toCsv(d.columns, rows);
          const sum = checksum(body);
          reply
            .header('etag', sum.etag)
            .header('cache-control', 'public, max-age=60')
            .header('x-total-count', String(total))
            .header('x-checksum-sha256', sum.hex)
            .header('repr-digest', `sha-256=:${sum.base64}:`);
          if (q.page * q.pageSize < total) {
            const next = new URLSearchParams(
              Object.entries({ ...req.query, page: q.page + 1 }).map(([k, v]): [string, string] => [
                k,
                String(v),
              ]),
            );
            reply.header('link', `</api/v1/open-data/${d.name}.${format}?${next}>; rel="next"`);
          }
          const inm = req.headers['if-none-match'];
          if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === sum.etag))
            return reply.code(304).send(null);
          if (format === 'csv')
            reply.header('content-disposition', `attachment; filename="${d.name}-p${q.page}.csv"`);
          // The bytes hashed are the bytes sent: no re-serialisation through the response schema.
          return reply
            .type(format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8')
            .send(body as unknown as string);
        },
      );
    }
  }
}
