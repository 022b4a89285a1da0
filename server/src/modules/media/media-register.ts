// The create / update / delete of a media-work register row (subscriptions, commentators, commentator
// tasks, columns): the unit checked visible, the row changed at its version, the change audited as
// `media.<kind>.<verb>` and — for a register that feeds the assessment — its facts written and their
// scores marked stale, all in one transaction (decision 085).
import type { Transaction } from 'kysely';
import { nowIso } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { conflict, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { ScoresHandOff } from '../assessment/scoring.service.ts';
import type { Audit, AuditService } from '../audit/audit.service.ts';
import { mergeFactsChanges, type FactsChange } from '../facts/facts.repo.ts';
import type { UnitsService } from '../units/units.service.ts';
import type { MediaWorkRepo, WorkTable } from './media-work.repo.ts';

export type Partialish<T> = Partial<T> & { version?: number };

export function createMediaRegisters(deps: {
  repo: MediaWorkRepo;
  units: UnitsService;
  audit: AuditService;
  scores: ScoresHandOff;
}) {
  const { repo, units, audit, scores } = deps;

  /** One audited change of a register row; a subscription's fact and stale marks go in the same transaction. */
  async function change<T>(
    ctx: RequestContext,
    work: (trx: Transaction<Database>, record: Audit) => Promise<{ result: T; facts?: FactsChange[] }>,
  ): Promise<T> {
    let facts: FactsChange[] = [];
    const result = await audit.transact(ctx, async (trx, record) => {
      const r = await work(trx, record);
      facts = mergeFactsChanges(r.facts ?? []);
      for (const c of facts) await scores.markStale(trx, c);
      return r.result;
    });
    if (facts.length) await scores.afterCommit(facts);
    return result;
  }

  /** create / update / delete of a register row at its version, audited as `media.<kind>.<verb>` */
  function register<
    Row extends { id: number; unit_id: number; version: number },
    In extends { unitId: number },
  >(spec: {
    table: WorkTable;
    kind: 'subscription' | 'commentator' | 'commentatorTask' | 'column';
    objectType: 'mediaSubscription' | 'mediaCommentator' | 'mediaCommentatorTask' | 'mediaColumn';
    /** a row the reader sees */
    find: (id: number, scopePath: string, trx?: Transaction<Database>) => Promise<Row | undefined>;
    /**
     * a row the reader may change or delete, when that is fewer than they see (a commentator task set
     * above the reader's unit is seen below it and changed only inside the setter's scope); else `find`
     */
    findOwn?: (id: number, scopePath: string) => Promise<Row | undefined>;
    values: (input: Partial<In>, current: Row | null) => Promise<Record<string, unknown>>;
    facts?: (trx: Transaction<Database>, id: number, row: Row | null) => Promise<FactsChange[]>;
  }) {
    const visible = async (ctx: RequestContext, id: number) => {
      const r = await spec.find(id, requireActor(ctx).scopePath);
      if (!r) throw notFound();
      return r;
    };
    const own = async (ctx: RequestContext, id: number) => {
      if (!spec.findOwn) return visible(ctx, id);
      const r = await spec.findOwn(id, requireActor(ctx).scopePath);
      if (!r) throw notFound();
      return r;
    };
    const reread = async (trx: Transaction<Database>, ctx: RequestContext, id: number) =>
      (await spec.find(id, requireActor(ctx).scopePath, trx))!;
    return {
      visible,
      async create(ctx: RequestContext, input: In): Promise<Row> {
        const actor = requireActor(ctx);
        await units.getVisible(ctx, input.unitId);
        const v = await spec.values(input, null);
        const at = nowIso();
        return change(ctx, async (trx, record) => {
          const id = await repo.insert(trx, spec.table, {
            ...v,
            bureau_unit_id: actor.bureauUnitId,
            created_at: at,
            updated_at: at,
          });
          await record({
            action: `media.${spec.kind}.create`,
            objectType: spec.objectType,
            objectId: id,
            detail: { after: input },
          });
          const row = await reread(trx, ctx, id);
          return { result: row, facts: await spec.facts?.(trx, id, row) };
        });
      },
      async update(ctx: RequestContext, id: number, input: Partialish<In>): Promise<Row> {
        const current = await own(ctx, id);
        const { version, ...changes } = input;
        if (current.version !== version) throw conflict();
        if (changes.unitId !== undefined && changes.unitId !== current.unit_id)
          await units.getVisible(ctx, changes.unitId);
        const v = await spec.values(changes as Partial<In>, current);
        return change(ctx, async (trx, record) => {
          if (!(await repo.update(trx, spec.table, id, version!, { ...v, updated_at: nowIso() })))
            throw conflict();
          await record({
            action: `media.${spec.kind}.update`,
            objectType: spec.objectType,
            objectId: id,
            detail: { changes: v },
          });
          const row = await reread(trx, ctx, id);
          return { result: row, facts: await spec.facts?.(trx, id, row) };
        });
      },
      async remove(ctx: RequestContext, id: number): Promise<void> {
        const current = await own(ctx, id);
        await change(ctx, async (trx, record) => {
          await repo.remove(trx, spec.table, id);
          await record({
            action: `media.${spec.kind}.delete`,
            objectType: spec.objectType,
            objectId: id,
            detail: { before: current },
          });
          return { result: undefined, facts: await spec.facts?.(trx, id, null) };
        });
      },
    };
  }

  return { change, register };
}
export type MediaRegisters = ReturnType<typeof createMediaRegisters>;
