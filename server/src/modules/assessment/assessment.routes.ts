import {
  DryRunBody,
  DryRunResult,
  IdParams,
  OfferedSubmissionKinds,
  PeriodQuery,
  PlanCopy,
  PlanCreate,
  PlanDetail,
  PlanSummary,
  PlanUnitParams,
  PlanUpdate,
  PlanVersion,
  PlanVersionParams,
  Ranking,
  RulesChange,
  RulesRestore,
  ScoreExplanation,
  Trend,
} from '@greenvoice/common';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { PlansService } from './plans.service.ts';
import type { RankingsService } from './rankings.service.ts';
import { errorResponses } from '../../http/route-kit.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 422);
const tags = ['assessment'];

export function assessmentRoutes(fastify: FastifyInstance, plans: PlansService, rankings: RankingsService) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const base = '/api/v1/assessment/plans';
  app.get(
    base,
    {
      config: { access: 'assessment:read' },
      schema: {
        tags,
        summary: 'Assessment plans in scope',
        response: { 200: Type.Object({ items: Type.Array(PlanSummary) }), ...errors },
      },
    },
    (req) => plans.list(req.ctx),
  );
  app.get(
    `${base}/:id`,
    {
      config: { access: 'assessment:read' },
      schema: { tags, params: IdParams, response: { 200: PlanDetail, ...errors } },
    },
    (req) => plans.detail(req.ctx, req.params.id),
  );
  app.post(
    base,
    {
      config: { access: 'plans:write' },
      schema: {
        tags,
        summary: 'Create a plan (from the 2018 template unless rules are given)',
        body: PlanCreate,
        response: { 201: PlanDetail, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await plans.create(req.ctx, req.body)),
  );
  app.post(
    `${base}/:id/copy`,
    {
      config: { access: 'plans:write' },
      schema: {
        tags,
        summary: 'Copy a plan to another year',
        params: IdParams,
        body: PlanCopy,
        response: { 201: PlanDetail, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await plans.copy(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    `${base}/:id`,
    {
      config: { access: 'plans:write' },
      schema: { tags, params: IdParams, body: PlanUpdate, response: { 200: PlanDetail, ...errors } },
    },
    (req) => plans.update(req.ctx, req.params.id, req.body),
  );
  app.put(
    `${base}/:id/rules`,
    {
      config: { access: 'plans:write' },
      schema: {
        tags,
        summary: 'Save a new rules version and recompute scores',
        params: IdParams,
        body: RulesChange,
        response: { 200: PlanDetail, ...errors },
      },
    },
    (req) => plans.changeRules(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/v1/assessment/submission-kinds',
    {
      config: { access: 'assessment:read' },
      schema: {
        tags,
        summary: "The kinds the submission form offers: those the current plan scores for the reader's unit",
        response: { 200: OfferedSubmissionKinds, ...errors },
      },
    },
    (req) => plans.offeredSubmissionKinds(req.ctx),
  );
  app.get(
    '/api/v1/assessment/rules-doc',
    {
      config: { access: 'assessment:read' },
      schema: {
        tags,
        summary: 'How the scoring rules work (the documentation, as Markdown)',
        response: { 200: Type.Object({ markdown: Type.String() }), ...errors },
      },
    },
    () => plans.rulesDoc(),
  );
  app.get(
    `${base}/:id/versions/:rulesVersion`,
    {
      config: { access: 'assessment:read' },
      schema: {
        tags,
        summary: 'One saved rules version with its document',
        params: PlanVersionParams,
        response: { 200: PlanVersion, ...errors },
      },
    },
    (req) => plans.version(req.ctx, req.params.id, req.params.rulesVersion),
  );
  app.post(
    `${base}/:id/versions/:rulesVersion/restore`,
    {
      config: { access: 'plans:write' },
      schema: {
        tags,
        summary: "Save a saved version's rules as the newest version (scores recomputed)",
        params: PlanVersionParams,
        body: RulesRestore,
        response: { 200: PlanDetail, ...errors },
      },
    },
    (req) => plans.restoreRules(req.ctx, req.params.id, req.params.rulesVersion, req.body),
  );
  app.post(
    `${base}/:id/dry-run`,
    {
      config: { access: 'plans:write' },
      schema: {
        tags,
        summary: "A rules change's effect on every unit, not saved",
        params: IdParams,
        body: DryRunBody,
        response: { 200: DryRunResult, ...errors },
      },
    },
    (req) => plans.dryRun(req.ctx, req.params.id, req.body),
  );
  app.get(
    `${base}/:id/rankings`,
    {
      config: { access: 'assessment:read' },
      schema: { tags, params: IdParams, querystring: PeriodQuery, response: { 200: Ranking, ...errors } },
    },
    (req) => rankings.ranking(req.ctx, req.params.id, req.query),
  );
  app.get(
    `${base}/:id/trend`,
    {
      config: { access: 'assessment:read' },
      schema: { tags, params: IdParams, querystring: PeriodQuery, response: { 200: Trend, ...errors } },
    },
    (req) => rankings.trend(req.ctx, req.params.id, req.query),
  );
  app.get(
    `${base}/:id/units/:unitId/score`,
    {
      config: { access: 'assessment:read' },
      schema: {
        tags,
        summary: 'Why this score: every line behind it',
        params: PlanUnitParams,
        querystring: PeriodQuery,
        response: { 200: ScoreExplanation, ...errors },
      },
    },
    (req) => rankings.explain(req.ctx, req.params.id, req.params.unitId, req.query),
  );
}
