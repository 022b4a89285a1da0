// Review: approve (with adoption level and leader instruction), return with a reason, reject — one at
// a time or many approvals at once. Nobody reviews their own unit's work. An approval writes the
// submission's assessment fact in the same transaction; taking an approval back removes it. Once the
// transaction marks the changed unit-years' scores stale; once it has committed they are recomputed.
import {
  hasAdoptionLevel,
  reviewInputProblems,
  type AssessmentFact,
  type BulkApproveInput,
  type OutcomeInput,
  type ReviewInput,
  type Submission,
} from '@greenvoice/common';
import type { Transaction } from 'kysely';
import { nowIso } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { ApiError, conflict, invalid } from '../../http/api-error.ts';
import { requireActor, type Actor, type RequestContext } from '../../http/context.ts';
import type { Audit, AuditService } from '../audit/audit.service.ts';
import type { ScoresHandOff } from '../assessment/scoring.service.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import { mergeFactsChanges, type FactsChange, type FactsRepo } from '../facts/facts.repo.ts';
import { partiesOf } from './submission-presenter.ts';
import type { SubmissionReader } from './submission-reader.ts';
import type { SubmissionRow, SubmissionsRepo } from './submissions.repo.ts';

export interface ReviewDeps {
  repo: SubmissionsRepo;
  reader: SubmissionReader;
  facts: FactsRepo;
  audit: AuditService;
  /** the scores' side of the hand-off: stale marks in the approval's transaction, a recompute after */
  scores: ScoresHandOff;
  notifications: Pick<NotificationsService, 'notify'>;
}

const FACT_SOURCE = 'submission';

/** The fact an approved submission stands for (common/src/assessment/facts.ts). */
export function factOf(
  row: SubmissionRow,
  coUnitIds: number[],
  review: Pick<AssessmentFact, 'adoptionLevel' | 'leaderInstruction'>,
): Omit<AssessmentFact, 'id'> & { ownerUnitId: number } {
  return {
    ownerUnitId: row.owner_unit_id,
    kind: row.kind,
    date: row.fact_date,
    unitIds: [row.unit_id, ...coUnitIds],
    outletLevel: (row.outlet_level as AssessmentFact['outletLevel']) ?? null,
    outletMedium: (row.outlet_medium as AssessmentFact['outletMedium']) ?? null,
    adoptionLevel: review.adoptionLevel,
    leaderInstruction: review.leaderInstruction,
    activityType: row.activity_type,
    awardRank: row.award_rank,
    quantity: row.quantity === null ? null : Number(row.quantity),
    negativeCode: null,
    themes: JSON.parse(row.themes) as string[],
    title: row.title,
  };
}

export function createReviewService(deps: ReviewDeps) {
  const { repo, reader, facts, audit, scores, notifications } = deps;

  /** Everything that can be refused is refused before the transaction starts. */
  async function check(actor: Actor, row: SubmissionRow, version: number, input: ReviewInput) {
    const coUnitIds = await reader.coUnitIds(row.id);
    const to = reader.requireTransition(actor, row, coUnitIds, input.action, version);
    const problems = reviewInputProblems(partiesOf(row, coUnitIds), input);
    if (problems.length) throw new ApiError('VALIDATION_FAILED', problems);
    return { coUnitIds, to, reason: input.reason?.trim() || null };
  }

  async function decide(
    trx: Transaction<Database>,
    actor: Actor,
    row: SubmissionRow,
    version: number,
    input: ReviewInput,
    checked: Awaited<ReturnType<typeof check>>,
    record: Audit,
  ): Promise<FactsChange | null> {
    const at = nowIso();
    const approve = input.action === 'approve';
    const adoptionLevel = approve
      ? (input.adoptionLevel ?? (hasAdoptionLevel(row.kind) ? 'none' : null))
      : row.adoption_level;
    const leaderInstruction = approve ? (input.leaderInstruction ?? null) : row.leader_instruction;
    const instructionNote = approve ? input.instructionNote?.trim() || null : row.instruction_note;
    const ok = await repo.updateVersioned(trx, row.id, version, {
      status: checked.to,
      adoption_level: adoptionLevel,
      leader_instruction: leaderInstruction,
      instruction_note: instructionNote,
      review_reason: approve ? null : checked.reason,
      reviewed_by: actor.personId,
      reviewer_name: actor.name,
      reviewed_at: at,
      updated_at: at,
    });
    if (!ok) throw conflict();
    await repo.addEvent(
      trx,
      reader.event(actor, row.id, input.action, row.status, checked.to, checked.reason ?? instructionNote),
    );
    const source = { source: FACT_SOURCE, sourceId: row.id };
    const change = approve
      ? await facts.upsertBySource(
          trx,
          source,
          factOf(row, checked.coUnitIds, {
            adoptionLevel: adoptionLevel as AssessmentFact['adoptionLevel'],
            leaderInstruction: leaderInstruction as AssessmentFact['leaderInstruction'],
          }),
        )
      : await facts.deleteBySource(trx, source);
    // in this transaction: if the process dies before the recompute, the marks say what is out of date
    if (change) await scores.markStale(trx, change);
    await record({
      action: `submission.${input.action}`,
      objectType: 'submission',
      objectId: row.id,
      detail: {
        from: row.status,
        to: checked.to,
        reason: checked.reason,
        adoptionLevel,
        leaderInstruction,
        fact: approve ? 'written' : change ? 'removed' : null,
      },
    });
    if (input.action === 'return' || input.action === 'reject') {
      const returned = input.action === 'return';
      await notifications.notify(trx, {
        bureauUnitId: row.owner_unit_id,
        to: { unitIds: [row.unit_id], roles: ['officer'] },
        kind: returned ? 'submissions.returned' : 'submissions.rejected',
        title: returned
          ? { zh: `稿件被退回修改：${row.title}`, en: `Piece returned for correction: ${row.title}` }
          : { zh: `稿件未予采用：${row.title}`, en: `Piece rejected: ${row.title}` },
        ...(checked.reason
          ? { body: { zh: `原因：${checked.reason}`, en: `Reason: ${checked.reason}` } }
          : {}),
        link: `/submissions/${row.id}`,
        dedupeKey: `submission.${input.action}:${row.id}:v${version + 1}`,
      });
    }
    return change;
  }

  return {
    async review(ctx: RequestContext, id: number, version: number, input: ReviewInput): Promise<Submission> {
      const actor = requireActor(ctx);
      const row = await reader.getVisible(actor, id);
      const checked = await check(actor, row, version, input);
      const change = await audit.transact(ctx, (trx, record) =>
        decide(trx, actor, row, version, input, checked, record),
      );
      await scores.afterCommit(mergeFactsChanges([change]));
      return reader.presentOne(actor, id);
    },

    /**
     * Records an approved piece's adoption level and leader instruction (批示) after the approval — they
     * often arrive weeks later. The fact is rewritten and its scores re-computed like an approval's; the
     * audit record keeps before and after.
     */
    async recordOutcome(ctx: RequestContext, id: number, version: number, input: OutcomeInput) {
      const actor = requireActor(ctx);
      const row = await reader.getVisible(actor, id);
      const coUnitIds = await reader.coUnitIds(id);
      reader.requireTransition(actor, row, coUnitIds, 'recordOutcome', version);
      const problems = reviewInputProblems(partiesOf(row, coUnitIds), { action: 'recordOutcome', ...input });
      if (problems.length) throw new ApiError('VALIDATION_FAILED', problems);
      const before = {
        adoptionLevel: row.adoption_level,
        leaderInstruction: row.leader_instruction,
        instructionNote: row.instruction_note,
      };
      const after = {
        adoptionLevel: input.adoptionLevel ?? before.adoptionLevel,
        leaderInstruction:
          input.leaderInstruction !== undefined ? input.leaderInstruction : before.leaderInstruction,
        instructionNote:
          input.instructionNote !== undefined
            ? input.instructionNote?.trim() || null
            : before.instructionNote,
      };
      const change = await audit.transact(ctx, async (trx, record) => {
        const ok = await repo.updateVersioned(trx, id, version, {
          adoption_level: after.adoptionLevel,
          leader_instruction: after.leaderInstruction,
          instruction_note: after.instructionNote,
          updated_at: nowIso(),
        });
        if (!ok) throw conflict();
        await repo.addEvent(
          trx,
          reader.event(actor, id, 'recordOutcome', row.status, row.status, after.instructionNote),
        );
        const written = await facts.upsertBySource(
          trx,
          { source: FACT_SOURCE, sourceId: id },
          factOf(row, coUnitIds, {
            adoptionLevel: after.adoptionLevel as AssessmentFact['adoptionLevel'],
            leaderInstruction: after.leaderInstruction as AssessmentFact['leaderInstruction'],
          }),
        );
        if (written) await scores.markStale(trx, written);
        await record({
          action: 'submission.recordOutcome',
          objectType: 'submission',
          objectId: id,
          detail: { before, after },
        });
        return written;
      });
      await scores.afterCommit(mergeFactsChanges([change]));
      return reader.presentOne(actor, id);
    },

    /** Approves many at once: all of them or, if any is stale or not approvable, none. */
    async bulkApprove(ctx: RequestContext, input: BulkApproveInput) {
      const actor = requireActor(ctx);
      const ids = input.items.map((i) => i.id);
      if (new Set(ids).size !== ids.length)
        throw invalid('/items', '列表中有重复的报送', 'A submission is listed twice');
      const rows = await repo.findManyVisible(ids, actor.scopePath);
      const approve: ReviewInput = { action: 'approve' };
      const planned: Array<{
        row: SubmissionRow;
        version: number;
        checked: Awaited<ReturnType<typeof check>>;
      }> = [];
      const stale: number[] = [];
      for (const [i, item] of input.items.entries()) {
        const row = rows.find((r) => r.id === item.id && r.status !== 'draft');
        if (!row) throw invalid(`/items/${i}/id`, '找不到该报送', 'No such submission');
        if (row.version !== item.version) {
          stale.push(row.id);
          continue;
        }
        planned.push({ row, version: item.version, checked: await check(actor, row, item.version, approve) });
      }
      if (stale.length)
        throw new ApiError(
          'CONFLICT',
          stale.map((id) => ({
            field: `/items/${input.items.findIndex((x) => x.id === id)}`,
            message: `报送 ${id} 已被他人修改`,
            messageEn: `Submission ${id} was changed by someone else`,
          })),
        );
      const changes = await audit.transact(ctx, async (trx, record) => {
        const out: Array<FactsChange | null> = [];
        for (const p of planned)
          out.push(await decide(trx, actor, p.row, p.version, approve, p.checked, record));
        return out;
      });
      await scores.afterCommit(mergeFactsChanges(changes));
      return { approved: planned.map((p) => p.row.id) };
    },
  };
}
