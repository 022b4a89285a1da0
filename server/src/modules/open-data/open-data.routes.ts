// Open data (docs/requirements.md §8, decision 105): every public data set as CSV and JSON at stable
// URLs. Pages (`.json`, `.csv`, 1,000 rows unless asked) carry a strong ETag (If-None-Match → 304), the
// SHA-256 of the body in `Repr-Digest` and `X-Checksum-SHA256`, the total in `X-Total-Count` and the
// next page in `Link`; the whole file (`/all.csv`, `/all.json`) is streamed from the database. Public
// and read-only; the API's rate limit applies like everywhere under /api.
import { IsoDate } from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import Type from 'typebox';
import { checksum, toCsv } from './encode.ts';
import { csvHeader } from './open-data.catalogue.ts';
import type { OpenDataService } from './open-data.service.ts';
import { errorResponses, sentAsBytes } from '../../http/route-kit.ts';

const tags = ['open data'];
const errors = errorResponses(400, 429);
export const OPEN_DATA_MAX_PAGE = 5000;

const Filters = {
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  station: Type.Optional(
    Type.String({ maxLength: 32, pattern: '^[A-Za-z0-9_-]+$', description: 'station or section code' }),
  ),
};
const Query = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: OPEN_DATA_MAX_PAGE, default: 1000 })),
    ...Filters,
  },
  { additionalProperties: false },
);
const WholeQuery = Type.Object(Filters, { additionalProperties: false });
const Cell = Type.Union([Type.String(), Type.Number(), Type.Null()]);
const JsonPage = Type.Object({
  dataset: Type.String(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
  timeZone: Type.String(),
  columns: Type.Array(Type.String()),
  items: Type.Array(Type.Record(Type.String(), Cell)),
});
const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
const Listing = Type.Object({
  licence: Type.Object({ zh: Type.String(), en: Type.String(), url: Type.String() }),
  timeZone: Type.Object({ zh: Type.String(), en: Type.String(), iana: Type.String() }),
  items: Type.Array(
    Type.Object({
      name: Type.String(),
      title: Bilingual,
      description: Bilingual,
      frequency: Bilingual,
      columns: Type.Array(Type.String()),
      fields: Type.Array(
        Type.Object({
          code: Type.String(),
          zh: Type.String(),
          en: Type.String(),
          unit: Type.Union([Type.String(), Type.Null()]),
        }),
      ),
      filters: Type.Array(Type.String()),
      json: Type.String(),
      csv: Type.String(),
      allJson: Type.String({ description: 'the whole data set, streamed' }),
      allCsv: Type.String({ description: 'the whole data set, streamed' }),
      total: Type.Integer(),
      lastUpdate: Type.Union([Type.String(), Type.Null()], { description: 'China time' }),
    }),
  ),
});

const query = (q: Record<string, unknown>) =>
  new URLSearchParams(
    Object.entries(q)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]): [string, string] => [k, String(v)]),
  );

export function openDataRoutes(fastify: FastifyInstance, openData: OpenDataService) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/open-data',
    {
      config: { access: 'public', siteData: true },
      schema: { tags, summary: 'The public data sets and their URLs', response: { 200: Listing, ...errors } },
    },
    async () => ({
      licence: openData.licence,
      timeZone: openData.timeZone,
      items: (await openData.catalogue()).map(({ dataset: d, info, total, lastUpdate }) => ({
        name: d.name,
        title: d.title,
        description: info.description,
        frequency: info.frequency,
        columns: [...d.columns],
        fields: d.columns.map((code) => {
          const f = info.fields[code];
          return { code, zh: f?.zh ?? code, en: f?.en ?? code, unit: f?.unit ?? null };
        }),
        filters: [...d.filters],
        json: `/api/v1/open-data/${d.name}.json`,
        csv: `/api/v1/open-data/${d.name}.csv`,
        allJson: `/api/v1/open-data/${d.name}/all.json`,
        allCsv: `/api/v1/open-data/${d.name}/all.csv`,
        total,
        lastUpdate,
      })),
    }),
  );

  for (const d of openData.datasets) {
    for (const format of ['json', 'csv'] as const) {
      app.get(
        `/api/v1/open-data/${d.name}.${format}`,
        {
          config: { access: 'public', siteData: true },
          schema: {
            tags,
            summary: `${d.title.en} (${d.title.zh}) as ${format.toUpperCase()}, one page`,
            querystring: Query,
            response: {
              200: sentAsBytes(format === 'json' ? JsonPage : Type.String({ contentMediaType: 'text/csv' })),
              304: Type.Null(),
              ...errors,
            },
          },
        },
        async (req, reply) => {
          const q = { ...req.query, page: req.query.page ?? 1, pageSize: req.query.pageSize ?? 1000 };
          const { total, rows } = await openData.page(d, q);
          const body =
            format === 'json'
              ? Buffer.from(
                  JSON.stringify({
                    dataset: d.name,
                    page: q.page,
                    pageSize: q.pageSize,
                    total,
                    timeZone: openData.timeZone.iana,
                    columns: d.columns,
                    items: rows,
                  }),
                )
              : toCsv(d.columns, rows, (c) => csvHeader(d.name, c));
          const sum = checksum(body);
          reply
            .header('etag', sum.etag)
            .header('cache-control', 'public, max-age=60')
            .header('x-total-count', String(total))
            .header('x-checksum-sha256', sum.hex)
            .header('repr-digest', `sha-256=:${sum.base64}:`);
          const base = `/api/v1/open-data/${d.name}.${format}`;
          const last = Math.max(1, Math.ceil(total / q.pageSize));
          const links = [`<${base}?${query({ ...req.query, page: last })}>; rel="last"`];
          if (q.page < last)
            links.unshift(`<${base}?${query({ ...req.query, page: q.page + 1 })}>; rel="next"`);
          links.push(`</api/v1/open-data/${d.name}/all.${format}>; rel="alternate"; title="whole data set"`);
          reply.header('link', links.join(', '));
          const inm = req.headers['if-none-match'];
          // a compressed answer's validator carries its coding (http/compression.ts): the same bytes
          if (
            inm &&
            inm.split(',').some(
              (t) =>
                t
                  .trim()
                  .replace(/^W\//, '')
                  .replace(/-(br|gzip)"$/, '"') === sum.etag,
            )
          )
            return reply.code(304).send(null);
          if (format === 'csv')
            reply.header('content-disposition', `attachment; filename="${d.name}-p${q.page}.csv"`);
          // The bytes hashed are the bytes sent: no re-serialisation through the response schema.
          return reply
            .type(format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8')
            .send(body);
        },
      );
      app.get(
        `/api/v1/open-data/${d.name}/all.${format}`,
        {
          config: { access: 'public', siteData: true },
          schema: {
            tags,
            summary: `${d.title.en} (${d.title.zh}): the whole data set as ${format.toUpperCase()}, streamed`,
            querystring: WholeQuery,
            response: {
              200: sentAsBytes(
                Type.String({ contentMediaType: format === 'json' ? 'application/json' : 'text/csv' }),
              ),
              ...errors,
            },
          },
        },
        async (req, reply) => {
          const total = await openData.count(d, req.query);
          const suffix = [req.query.station, req.query.from, req.query.to].filter(Boolean).join('_');
          reply
            .header('cache-control', 'public, max-age=60')
            .header('x-total-count', String(total))
            .header('x-time-zone', openData.timeZone.iana)
            .header(
              'content-disposition',
              `attachment; filename="${d.name}${suffix ? `_${suffix}` : ''}.${format}"`,
            )
            .type(format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8');
          // streamed: the response schema (a string) only documents it
          return reply.send(Readable.from(openData.wholeFile(d, format, req.query)));
        },
      );
    }
  }
}
