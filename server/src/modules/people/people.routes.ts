import {
  AccountAction,
  AccountActionResult,
  ExportQuery,
  IdParams,
  Page,
  PeopleListQuery,
  Person,
  PersonInput,
  PersonUpdate,
} from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { PeopleService } from './people.service.ts';
import { errorResponses, sendXlsx, XlsxFile } from '../../http/route-kit.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 422);
const tags = ['organisation'];

export function peopleRoutes(fastify: FastifyInstance, people: PeopleService) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/people',
    {
      config: { access: 'people:read' },
      schema: {
        tags,
        summary: 'List people in scope (mobile numbers masked)',
        querystring: PeopleListQuery,
        response: { 200: Page(Person), ...errors },
      },
    },
    (req) => people.list(req.ctx, req.query),
  );
  app.get(
    '/api/v1/people/export.xlsx',
    {
      config: { access: 'people:read' },
      schema: {
        tags,
        summary: 'The whole filtered list as Excel, mobiles masked (audited)',
        querystring: ExportQuery(PeopleListQuery),
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (req, reply) => sendXlsx(reply, await people.exportXlsx(req.ctx, req.query)),
  );
  app.get(
    '/api/v1/people/:id',
    {
      config: { access: 'people:read' },
      schema: { tags, params: IdParams, response: { 200: Person, ...errors } },
    },
    (req) => people.get(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/people',
    {
      config: { access: 'people:write' },
      schema: { tags, body: PersonInput, response: { 201: Person, ...errors } },
    },
    async (req, reply) => reply.code(201).send(await people.create(req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/people/:id',
    {
      config: { access: 'people:write' },
      schema: { tags, params: IdParams, body: PersonUpdate, response: { 200: Person, ...errors } },
    },
    (req) => people.update(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/v1/people/:id',
    {
      config: { access: 'people:write' },
      schema: {
        tags,
        params: IdParams,
        response: { 200: Type.Object({ ok: Type.Literal(true) }), ...errors },
      },
    },
    async (req) => {
      await people.remove(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/v1/people/:id/reveal-mobile',
    {
      config: { access: 'people:revealMobile' },
      schema: {
        tags,
        summary: 'Show the full mobile number (audited)',
        params: IdParams,
        response: { 200: Type.Object({ mobile: Type.Union([Type.String(), Type.Null()]) }), ...errors },
      },
    },
    (req) => people.revealMobile(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/people/:id/account',
    {
      config: { access: 'accounts:manage' },
      schema: {
        tags,
        summary: 'Reset password, disable, enable, unlock or end sessions',
        params: IdParams,
        body: AccountAction,
        response: { 200: AccountActionResult, ...errors },
      },
    },
    (req) => people.accountAction(req.ctx, req.params.id, req.body),
  );
}
