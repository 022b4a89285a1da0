// What the events add up to (docs/activities.md "Statistics", "The five-into norm"): counts by kind,
// target, theme, unit and quarter for a year; the five-into norm and the board of who meets it; the
// events as an Excel workbook. All read within the actor's scope.
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_KINDS,
  checkFiveIntoNorm,
  DEFAULT_FIVE_INTO_NORM,
  FIVE_INTO_TARGET_LABELS,
  periodsOf,
  quarterOf,
  type ActivityStats,
  type FiveIntoNorm,
  type NormBoard,
  type UnitKind,
} from '@greenvoice/common';
import type { DB } from '../../db/database.ts';
import { nowIso } from '../../db/database.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { unitsOfKinds } from '../units/units.repo.ts';
import type { ActivitiesRepo } from './activities.repo.ts';

type Bucket = ActivityStats['byKind'][number];

function bucketize(rows: Array<{ key: string; label: string; people: number }>): Bucket[] {
  const m = new Map<string, Bucket>();
  for (const r of rows) {
    const b = m.get(r.key) ?? { key: r.key, label: r.label, events: 0, people: 0 };
    b.events += 1;
    b.people += r.people;
    m.set(r.key, b);
  }
  return [...m.values()];
}

export function createActivitiesReport(deps: {
  db: DB;
  repo: ActivitiesRepo;
  audit: AuditService;
  today: () => string;
}) {
  const { repo } = deps;

  async function normOf(bureauUnitId: number): Promise<FiveIntoNorm> {
    const stored = await repo.norm(bureauUnitId);
    return stored ? (JSON.parse(stored) as FiveIntoNorm) : DEFAULT_FIVE_INTO_NORM;
  }

  return {
    async stats(ctx: RequestContext, year: number): Promise<ActivityStats> {
      const rows = await repo.all({
        scopePath: requireActor(ctx).scopePath,
        from: `${year}-01-01`,
        to: `${year}-12-31`,
      });
      const reportsOf = (r: (typeof rows)[number]) => (JSON.parse(r.report_ids) as number[]).length;
      const themes = rows.flatMap((r) =>
        (JSON.parse(r.themes) as string[]).map((t) => ({ key: t, label: t, people: r.audience_count })),
      );
      const kindByQuarter = new Map<string, ActivityStats['kindByQuarter'][number]>();
      for (const r of rows) {
        const k = `${r.kind}|${quarterOf(r.held_on)}`;
        const c = kindByQuarter.get(k) ?? {
          kind: r.kind,
          quarter: quarterOf(r.held_on),
          events: 0,
          reports: 0,
        };
        c.events += 1;
        c.reports += reportsOf(r);
        kindByQuarter.set(k, c);
      }
      return {
        year,
        events: rows.length,
        people: rows.reduce((s, r) => s + r.audience_count, 0),
        reports: rows.reduce((s, r) => s + reportsOf(r), 0),
        byKind: bucketize(
          rows.map((r) => ({
            key: r.kind,
            label: ACTIVITY_KIND_LABELS[r.kind].zh,
            people: r.audience_count,
          })),
        ).sort((a, b) => ACTIVITY_KINDS.indexOf(a.key as never) - ACTIVITY_KINDS.indexOf(b.key as never)),
        byTarget: bucketize(
          rows
            .filter((r) => r.target)
            .map((r) => ({
              key: r.target!,
              label: FIVE_INTO_TARGET_LABELS[r.target!].zh,
              people: r.audience_count,
            })),
        ),
        byTheme: bucketize(themes).sort((a, b) => b.events - a.events),
        byUnit: bucketize(
          rows.map((r) => ({ key: String(r.unit_id), label: r.unit_name, people: r.audience_count })),
        ).sort((a, b) => b.events - a.events),
        byQuarter: bucketize(
          rows.map((r) => ({
            key: quarterOf(r.held_on),
            label: quarterOf(r.held_on),
            people: r.audience_count,
          })),
        ).sort((a, b) => a.key.localeCompare(b.key)),
        kindByQuarter: [...kindByQuarter.values()].sort((a, b) => a.quarter.localeCompare(b.quarter)),
      };
    },

    async normBoard(ctx: RequestContext, year: number): Promise<NormBoard> {
      const actor = requireActor(ctx);
      const norm = await normOf(actor.bureauUnitId);
      const units = await unitsOfKinds(deps.db, actor.scopePath, norm.unitKinds as UnitKind[]);
      const events = await repo.fiveIntoEvents(actor.scopePath, year);
      const rows = checkFiveIntoNorm(
        norm,
        units.map((u) => u.id),
        events.map((e) => ({ unitId: e.unit_id, target: e.target!, heldOn: e.held_on })),
        year,
        deps.today(),
      );
      const names = new Map(units.map((u) => [u.id, u.name]));
      return {
        year,
        norm,
        periods: periodsOf(year, norm.period),
        rows: rows.map((r) => ({ ...r, unitName: names.get(r.unitId) ?? '' })),
      };
    },

    async setNorm(ctx: RequestContext, norm: FiveIntoNorm): Promise<FiveIntoNorm> {
      const actor = requireActor(ctx);
      await deps.audit.transact(ctx, async (trx, record) => {
        await repo.setNorm(trx, actor.bureauUnitId, JSON.stringify(norm), nowIso());
        await record({
          action: 'activity.norm.update',
          objectType: 'activityNorm',
          objectId: actor.bureauUnitId,
          detail: { norm },
        });
      });
      return norm;
    },
  };
}
export type ActivitiesReport = ReturnType<typeof createActivitiesReport>;
