// Rankings, trends and "why this score?". Bureau staff and leadership see every unit of the plan; an
// officer or deputy leader sees only their own unit's rows (its rank is still counted in its group).
import {
  evaluateUnit,
  groupOf,
  periodLabel,
  periodMonths,
  r2,
  r6,
  rankUnits,
  type Period,
  type PeriodQuery,
  type PlanDocument,
  type Ranking,
  type ScoreExplanation,
  type TraceLine,
  type Trend,
} from '@greenvoice/common';
import { invalid, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import { parseDocument, type PlanRow, type ScoresRepo } from './scores.repo.ts';
import { evaluateUnits, rankedOf, type ScoringService } from './scoring.service.ts';

export function toPeriod(q: PeriodQuery, lastMonth: number): Period {
  const kind = q.period ?? 'year';
  const fallback =
    kind === 'month'
      ? Math.max(1, lastMonth)
      : kind === 'quarter'
        ? Math.max(1, Math.ceil(lastMonth / 3))
        : kind === 'half'
          ? lastMonth > 6
            ? 2
            : 1
          : 1;
  const period = { kind, index: q.index ?? fallback };
  if (!periodMonths(period)) throw invalid('/index', '该期间不存在', 'No such period');
  return period;
}

const presentWith = (titles: Map<string, string>) => (line: TraceLine) => ({
  month: line.month,
  kind: line.kind,
  factId: line.factId,
  factTitle: (line.factId && titles.get(line.factId)) || null,
  date: line.date,
  points: line.points,
  zh: line.zh,
  en: line.en,
});

/** a fact source ('submission') → the owning repository's titles of those ids */
export type SourceTitles = Record<string, (ids: number[]) => Promise<Map<number, string>>>;

/** 'submission:42' → the submission's title, for every fact id of the lines, one query per source */
async function factTitles(sources: SourceTitles, lines: TraceLine[]): Promise<Map<string, string>> {
  const bySource = new Map<string, Set<number>>();
  for (const l of lines) {
    const [source, n] = (l.factId ?? '').split(':');
    const id = Number(n);
    if (!source || !sources[source] || !Number.isSafeInteger(id)) continue;
    bySource.set(source, (bySource.get(source) ?? new Set()).add(id));
  }
  const titles = new Map<string, string>();
  await Promise.all(
    [...bySource].map(async ([source, ids]) => {
      for (const [id, title] of await sources[source]!([...ids])) titles.set(`${source}:${id}`, title);
    }),
  );
  return titles;
}

export function createRankingsService({
  repo,
  scoring,
  sourceTitles = {},
}: {
  repo: ScoresRepo;
  scoring: ScoringService;
  /** the explanation names each fact's source by its title (decision 172) */
  sourceTitles?: SourceTitles;
}) {
  async function visiblePlan(ctx: RequestContext, id: number) {
    const plan = await repo.planInScope(id, requireActor(ctx).scopePath);
    if (!plan) throw notFound();
    await scoring.ensureFresh(plan);
    return plan;
  }

  /** The group rankings of a period, every unit of the plan included (zero if it has no points). */
  async function rank(plan: PlanRow, doc: PlanDocument, period: Period) {
    const [from, to] = periodMonths(period)!;
    const units = await repo.unitsWithPoints(plan, rankedOf(doc), from, to);
    return doc.groups.map((g) => {
      const members = units.filter((u) => (g.unitKinds as string[]).includes(u.kind));
      const rows = rankUnits(
        members.map((u) => ({
          unitId: u.id,
          sortOrder: u.sort_order,
          unitName: u.name,
          points: r6(u.points),
        })),
      );
      return { code: g.code, name: g.name, rows };
    });
  }

  const ownUnitOnly = (ctx: RequestContext) => {
    const actor = requireActor(ctx);
    return actor.scope === 'unit' ? actor.unitId : null;
  };

  return {
    rank,

    /**
     * Each unit's points per block (A/B/C…) in a period, from the engine's lines — block caps included,
     * the plan-wide rescaling and negative list not (those are in the total): the bulletin's columns.
     */
    async blockPoints(ctx: RequestContext, id: number, q: PeriodQuery) {
      const plan = await visiblePlan(ctx, id);
      const doc = parseDocument(plan);
      const [from, to] = periodMonths(toPeriod(q, scoring.lastMonth(plan)))!;
      const units = await repo.unitsOf(plan, rankedOf(doc));
      const facts = await repo.facts(plan.owner_unit_id, plan.year, null);
      const points: Record<string, number[]> = {};
      for (const e of evaluateUnits(doc, plan.year, units, facts, scoring.lastMonth(plan))) {
        const lines = e.lines.filter((l) => l.month >= from && l.month <= to);
        points[e.unitId] = doc.blocks.map((b) =>
          r2(lines.filter((l) => l.blockCode === b.code).reduce((sum, l) => sum + l.points, 0)),
        );
      }
      return {
        blocks: doc.blocks.map((b) => ({ code: b.code, name: b.name, maxPoints: b.maxPoints })),
        points,
      };
    },

    async ranking(ctx: RequestContext, id: number, q: PeriodQuery): Promise<Ranking> {
      const plan = await visiblePlan(ctx, id);
      const doc = parseDocument(plan);
      const period = toPeriod(q, scoring.lastMonth(plan));
      const own = ownUnitOnly(ctx);
      const groups = (await rank(plan, doc, period))
        .filter((g) => !q.group || g.code === q.group)
        .map((g) => ({
          code: g.code,
          name: g.name,
          size: g.rows.length,
          rows: g.rows
            .filter((r) => own === null || r.unitId === own)
            .map((r) => ({
              rank: r.rank,
              unitId: r.unitId,
              unitName: r.unitName,
              points: r2(r.points),
              annualPoints: r2((r.points / 100) * doc.annualWeight),
            })),
        }))
        .filter((g) => own === null || g.rows.length > 0);
      const label = periodLabel(plan.year, period);
      return {
        planId: plan.id,
        year: plan.year,
        period: period.kind,
        index: period.index,
        label: label.zh,
        labelEn: label.en,
        lastMonth: scoring.lastMonth(plan),
        groups,
      };
    },

    async trend(ctx: RequestContext, id: number, q: PeriodQuery): Promise<Trend> {
      const plan = await visiblePlan(ctx, id);
      const doc = parseDocument(plan);
      const last = scoring.lastMonth(plan);
      const months = Array.from({ length: last }, (_, i) => i + 1);
      const units = await repo.unitsOf(plan, rankedOf(doc));
      const rows = await repo.unitMonths(plan.id);
      const monthly = new Map<number, number[]>();
      for (const r of rows) {
        const list = monthly.get(r.unit_id) ?? Array.from({ length: 12 }, () => 0);
        list[r.month - 1] = Number(r.points);
        monthly.set(r.unit_id, list);
      }
      const own = ownUnitOnly(ctx);
      const series: Trend['series'] = [];
      for (const g of doc.groups) {
        if (q.group && g.code !== q.group) continue;
        const members = units.filter((u) => (g.unitKinds as string[]).includes(u.kind));
        const ranksByMonth = months.map(
          (m) =>
            new Map(
              rankUnits(
                members.map((u) => ({
                  unitId: u.id,
                  sortOrder: u.sort_order,
                  points: monthly.get(u.id)?.[m - 1] ?? 0,
                })),
              ).map((r) => [r.unitId, r.rank]),
            ),
        );
        for (const u of members) {
          if (own !== null && u.id !== own) continue;
          const ms = monthly.get(u.id) ?? Array.from({ length: 12 }, () => 0);
          let cum = 0;
          series.push({
            unitId: u.id,
            unitName: u.name,
            group: g.code,
            monthly: months.map((m) => r2(ms[m - 1]!)),
            cumulative: months.map((m) => r2((cum += ms[m - 1]!))),
            ranks: months.map((m) => ranksByMonth[m - 1]!.get(u.id)!),
          });
        }
      }
      return { months, series };
    },

    /** Why this score: the engine's lines for the unit and period, grouped by block and item. */
    async explain(
      ctx: RequestContext,
      id: number,
      unitId: number,
      q: PeriodQuery,
    ): Promise<ScoreExplanation> {
      const plan = await visiblePlan(ctx, id);
      const doc = parseDocument(plan);
      const unit = (await repo.unitsOf(plan, rankedOf(doc))).find((u) => u.id === unitId);
      const own = ownUnitOnly(ctx);
      if (!unit || (own !== null && own !== unitId)) throw notFound();
      const group = groupOf(doc, unit.kind)!;
      const period = toPeriod(q, scoring.lastMonth(plan));
      const [from, to] = periodMonths(period)!;
      const facts = await repo.facts(plan.owner_unit_id, plan.year, [unit.id]);
      const e = evaluateUnit(doc, { id: unit.id, group: group.code }, facts, {
        year: plan.year,
        lastMonth: scoring.lastMonth(plan),
      });
      const lines = e.lines.filter((l) => l.month >= from && l.month <= to);
      const present = presentWith(await factTitles(sourceTitles, lines));
      const sum = (ls: TraceLine[]) => r2(ls.reduce((s, l) => s + l.points, 0));
      const groupRows = (await rank(plan, doc, period)).find((g) => g.code === group.code)!.rows;
      const points = sum(lines);
      const label = periodLabel(plan.year, period);
      return {
        planId: plan.id,
        unitId: unit.id,
        unitName: unit.name,
        group: group.code,
        groupName: group.name,
        label: label.zh,
        labelEn: label.en,
        points,
        annualPoints: r2((points / 100) * doc.annualWeight),
        rank: groupRows.find((r) => r.unitId === unit.id)!.rank,
        groupSize: groupRows.length,
        blocks: doc.blocks.map((b) => {
          const blockLines = lines.filter((l) => l.blockCode === b.code);
          return {
            code: b.code,
            name: b.name,
            maxPoints: b.maxPoints,
            points: sum(blockLines),
            items: b.items
              .filter((i) => !(i.notApplicableTo ?? []).includes(group.code))
              .map((i) => {
                const itemLines = blockLines.filter((l) => l.itemCode === i.code);
                return {
                  code: i.code,
                  name: i.name,
                  maxPoints: i.maxPoints,
                  points: sum(itemLines),
                  lines: itemLines.map(present),
                };
              }),
            lines: blockLines.filter((l) => l.itemCode === null).map(present),
          };
        }),
        planLines: lines.filter((l) => l.blockCode === null).map(present),
      };
    },
  };
}
export type RankingsService = ReturnType<typeof createRankingsService>;
