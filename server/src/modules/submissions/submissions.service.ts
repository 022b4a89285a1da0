// Submissions (报送): an officer reports a publicity output or a fact for their own unit; a reviewer
// from another unit decides on it (submission-review.ts). Who may do what is the workflow policy
// (common/src/submissions/submission-policy.ts), enforced through submission-reader.ts. Every change is versioned and audited in the
// transaction that makes it; the records of another unit's scope answer 404.
import {
  AWAITING_REVIEW,
  chinaDate,
  sendActionFor,
  type FieldError,
  type Submission,
  type SubmissionDetail,
  type SubmissionInput,
  type SubmissionListQuery,
  type SubmissionStatus,
  type SubmissionUpdate,
} from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import { ApiError, conflict } from '../../http/api-error.ts';
import { requireActor, type Actor, type RequestContext } from '../../http/context.ts';
import {
  isUniqueViolation,
  requestHash,
  type Idempotency,
  type StoredAnswer,
} from '../../http/idempotency.ts';
import { normaliseLink, normaliseTitle } from './duplicate-keys.ts';
import { cleanForKind, dateProblem, missingForReview, type SubmissionDraft } from './submission-fields.ts';
import { findDuplicates } from './submission-duplicates.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { FactsRepo } from '../facts/facts.repo.ts';
import type { OutletsService } from '../outlets/outlets.service.ts';
import type { EvidenceService } from './evidence.service.ts';
import { createSubmissionReader } from './submission-reader.ts';
import type { ScoresHandOff } from '../assessment/scoring.service.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import { createReviewService } from './submission-review.ts';
import { createWithdrawalService } from './submission-withdrawal.ts';
import type { SubmissionRow, SubmissionsRepo } from './submissions.repo.ts';
import { SUBMISSION_EXPORT_COLUMNS } from './submission-export.ts';
import { everyPage, exportList, type ExportLang } from '../../spreadsheets/xlsx-export.ts';

const DUPLICATES_ONLY_LIMIT = 1000;

export interface SubmissionDeps {
  repo: SubmissionsRepo;
  evidence: EvidenceService;
  outlets: OutletsService;
  facts: FactsRepo;
  audit: AuditService;
  idempotency: Idempotency;
  scores: ScoresHandOff;
  /** a piece returned or rejected tells its unit's officers (decision 120) */
  notifications: Pick<NotificationsService, 'notify'>;
}

export function createSubmissionsService(deps: SubmissionDeps) {
  const { repo, evidence, outlets, audit, idempotency } = deps;
  const reader = createSubmissionReader(repo);
  const { present, getVisible, presentOne, hideOthersDraft, event } = reader;

  /** Drafts are their own unit's business (submission-visibility.ts); lists filter them in SQL. */
  const filterFor = (actor: Actor) => ({ scopePath: actor.scopePath, draftsOfUnit: actor.unitId });

  /** Checks ids the officer chose: the outlet exists (and is in use if newly chosen), co-units are the bureau's. */
  async function checkReferences(
    actor: Actor,
    d: SubmissionDraft,
    coUnitIds: number[],
    keptOutlet: number | null,
  ) {
    const errors: FieldError[] = [];
    if (d.outletId !== null) {
      const outlet = await outlets.find(d.outletId);
      if (!outlet || (outlet.active !== 1 && outlet.id !== keptOutlet))
        errors.push({
          field: '/outletId',
          message: '媒体不存在或已停用',
          messageEn: 'No such outlet in use',
        });
    }
    if (coUnitIds.length) {
      const found = await repo.unitsInScope(coUnitIds, actor.bureauPath);
      coUnitIds.forEach((id, i) => {
        const u = found.find((x) => x.id === id);
        if (!u || id === actor.unitId || u.kind === 'cityBureau' || u.kind === 'province')
          errors.push({
            field: `/coUnitIds/${i}`,
            message: '联合报送单位不正确',
            messageEn: 'Not a unit that can co-submit',
          });
      });
    }
    const date = dateProblem(d.date, chinaDate(nowIso()));
    if (date) errors.push(date);
    if (errors.length) throw new ApiError('VALIDATION_FAILED', errors);
  }

  const draftColumns = (d: SubmissionDraft) => ({
    kind: d.kind,
    title: d.title,
    title_norm: normaliseTitle(d.title),
    fact_date: d.date,
    outlet_id: d.outletId,
    link: d.link,
    link_norm: normaliseLink(d.link),
    themes: JSON.stringify(d.themes),
    activity_type: d.activityType,
    award_rank: d.awardRank,
    quantity: d.quantity,
    account_name: d.accountName,
    summary: d.summary,
  });

  async function get(ctx: RequestContext, id: number): Promise<SubmissionDetail> {
    const actor = requireActor(ctx);
    const submission = await presentOne(actor, id);
    const events = await repo.events(id);
    return {
      ...submission,
      events: events.map((e) => ({
        id: e.id,
        action: e.action,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        personName: e.person_name,
        unitName: e.unit_name,
        text: e.text,
        at: e.at,
      })),
    };
  }

  async function createInTransaction(
    ctx: RequestContext,
    input: SubmissionInput,
    key: string | undefined,
    hash: string,
  ) {
    const actor = requireActor(ctx);
    const draft = cleanForKind({
      kind: input.kind,
      title: input.title,
      date: input.date,
      outletId: input.outletId ?? null,
      link: input.link ?? null,
      themes: input.themes ?? [],
      activityType: input.activityType ?? null,
      awardRank: input.awardRank ?? null,
      quantity: input.quantity ?? null,
      accountName: input.accountName ?? null,
      summary: input.summary ?? null,
    });
    const coUnitIds = input.coUnitIds ?? [];
    await checkReferences(actor, draft, coUnitIds, null);
    if (input.submit) {
      const missing = missingForReview(draft);
      if (missing.length) throw new ApiError('VALIDATION_FAILED', missing);
    }
    return audit.transact(ctx, async (trx, record) => {
      if (key) await idempotency.claim(trx, actor.personId, key, hash);
      const at = nowIso();
      const status: SubmissionStatus = input.submit ? 'submitted' : 'draft';
      const id = await repo.insert(trx, {
        ...draftColumns(draft),
        owner_unit_id: actor.bureauUnitId,
        unit_id: actor.unitId,
        status,
        submitted_at: input.submit ? at : null,
        created_by: actor.personId,
        created_by_name: actor.name,
        created_at: at,
        updated_at: at,
      });
      await repo.setCoUnits(trx, id, coUnitIds);
      await evidence.attach(trx, actor, id, input.evidenceIds ?? []);
      await repo.addEvent(trx, event(actor, id, 'create', null, status));
      await record({
        action: 'submission.create',
        objectType: 'submission',
        objectId: id,
        detail: { after: { ...input } },
      });
      const row = (await repo.findVisible(id, actor.scopePath, trx))!;
      const body = (await present(actor, [row], trx))[0]!;
      const answer: StoredAnswer = { status: 201, body };
      if (key) await idempotency.store(trx, actor.personId, key, answer);
      return answer;
    });
  }

  const service = {
    getVisible,
    presentOne,

    /** Units that may co-submit with the actor's unit: the assessed units of the same bureau. */
    async coUnitOptions(ctx: RequestContext) {
      const actor = requireActor(ctx);
      const units = await repo.assessedUnitsUnder(actor.bureauPath);
      return units.filter((u) => u.id !== actor.unitId);
    },

    async list(ctx: RequestContext, query: SubmissionListQuery) {
      const actor = requireActor(ctx);
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      const statuses =
        query.status === 'awaitingReview' ? AWAITING_REVIEW : query.status ? [query.status] : undefined;
      const filter = {
        ...filterFor(actor),
        statuses,
        kind: query.kind,
        unitId: query.unitId,
        q: query.q?.trim() || undefined,
        from: query.from,
        to: query.to,
      };
      let rows: SubmissionRow[];
      let total: number;
      if (query.duplicatesOnly) {
        // flags are computed, not stored: compute them for the (bounded) filtered set, then page
        const ids = await repo.listIds(filter, DUPLICATES_ONLY_LIMIT);
        const all = (await repo.findManyVisible(ids, actor.scopePath)).filter((r) =>
          hideOthersDraft(actor, r),
        );
        const dups = await findDuplicates(repo, all, actor.scopePath);
        const flagged = ids
          .map((id) => all.find((r) => r.id === id))
          .filter((r): r is SubmissionRow => !!r && (dups.get(r.id)?.length ?? 0) > 0);
        total = flagged.length;
        rows = flagged.slice((page - 1) * pageSize, page * pageSize);
      } else {
        ({ items: rows, total } = await repo.list(filter, page, pageSize));
      }
      return { items: await present(actor, rows), total, page, pageSize };
    },

    /** The whole filtered list (not one page) as .xlsx, through the list's own query (decision 126). */
    async exportXlsx(
      ctx: RequestContext,
      query: Omit<SubmissionListQuery, 'page' | 'pageSize'> & { lang?: ExportLang },
    ) {
      const { lang, ...filters } = query;
      return exportList(audit, ctx, 'submissions', filters, {
        sheet: { zh: '报送稿件', en: 'Submissions' },
        columns: SUBMISSION_EXPORT_COLUMNS,
        rows: everyPage((page, pageSize) => service.list(ctx, { ...filters, page, pageSize })),
        lang,
      });
    },

    get,

    /** Creates a draft (or submits at once). With an Idempotency-Key a repeat returns the first answer. */
    async create(
      ctx: RequestContext,
      input: SubmissionInput,
      key?: string,
    ): Promise<StoredAnswer & { replayed: boolean }> {
      const actor = requireActor(ctx);
      const hash = requestHash('POST /api/v1/submissions', input);
      const replay = async (answer: StoredAnswer) => {
        await audit.record(ctx, {
          action: 'submission.create.replay',
          objectType: 'submission',
          objectId: (answer.body as { id?: number }).id ?? null,
        });
        return { ...answer, replayed: true };
      };
      if (key) {
        const prior = await idempotency.find(actor.personId, key, hash);
        if (prior) return replay(prior);
      }
      try {
        return { ...(await createInTransaction(ctx, input, key, hash)), replayed: false };
      } catch (err) {
        if (!key || !isUniqueViolation(err)) throw err;
        // a concurrent request with this key committed first: answer as it did
        const prior = await idempotency.find(actor.personId, key, hash);
        if (!prior) throw err;
        return replay(prior);
      }
    },

    /** Edits a draft or a returned submission, by its own unit, at the version the officer saw. */
    async update(
      ctx: RequestContext,
      id: number,
      version: number,
      input: SubmissionUpdate,
    ): Promise<Submission> {
      const actor = requireActor(ctx);
      const current = await getVisible(actor, id);
      const currentCoUnits = await reader.coUnitIds(id);
      reader.requireTransition(actor, current, currentCoUnits, 'edit', version);
      const draft = cleanForKind({
        kind: input.kind ?? current.kind,
        title: input.title ?? current.title,
        date: input.date ?? current.fact_date,
        outletId: input.outletId !== undefined ? input.outletId : current.outlet_id,
        link: input.link !== undefined ? input.link : current.link,
        themes: input.themes ?? (JSON.parse(current.themes) as string[]),
        activityType: input.activityType !== undefined ? input.activityType : current.activity_type,
        awardRank: input.awardRank !== undefined ? input.awardRank : current.award_rank,
        quantity: input.quantity !== undefined ? input.quantity : current.quantity,
        accountName: input.accountName !== undefined ? input.accountName : current.account_name,
        summary: input.summary !== undefined ? input.summary : current.summary,
      });
      const coUnitIds = input.coUnitIds ?? currentCoUnits;
      await checkReferences(actor, draft, coUnitIds, current.outlet_id);
      await audit.transact(ctx, async (trx, record) => {
        if (!(await repo.updateVersioned(trx, id, version, { ...draftColumns(draft), updated_at: nowIso() })))
          throw conflict();
        if (input.coUnitIds) await repo.setCoUnits(trx, id, coUnitIds);
        if (input.evidenceIds) await evidence.attach(trx, actor, id, input.evidenceIds);
        await repo.addEvent(trx, event(actor, id, 'edit', current.status, current.status));
        await record({
          action: 'submission.update',
          objectType: 'submission',
          objectId: id,
          detail: { after: { ...input } },
        });
      });
      return presentOne(actor, id);
    },

    /** Sends a draft for review, or a returned one back (resubmit). */
    async submit(ctx: RequestContext, id: number, version: number): Promise<Submission> {
      const actor = requireActor(ctx);
      const current = await getVisible(actor, id);
      const action = sendActionFor(current.status);
      const to = reader.requireTransition(actor, current, await reader.coUnitIds(id), action, version);
      const missing = missingForReview({
        kind: current.kind,
        title: current.title,
        date: current.fact_date,
        outletId: current.outlet_id,
        link: current.link,
        themes: [],
        activityType: current.activity_type,
        awardRank: current.award_rank,
        quantity: current.quantity,
        accountName: current.account_name,
        summary: current.summary,
      });
      if (missing.length) throw new ApiError('VALIDATION_FAILED', missing);
      await audit.transact(ctx, async (trx, record) => {
        const at = nowIso();
        if (!(await repo.updateVersioned(trx, id, version, { status: to, submitted_at: at, updated_at: at })))
          throw conflict();
        await repo.addEvent(trx, event(actor, id, action, current.status, to));
        await record({
          action: `submission.${action}`,
          objectType: 'submission',
          objectId: id,
          detail: { from: current.status, to },
        });
      });
      return presentOne(actor, id);
    },

    async comment(ctx: RequestContext, id: number, body: string): Promise<SubmissionDetail> {
      const actor = requireActor(ctx);
      const current = await getVisible(actor, id);
      const text = body.trim();
      if (!text)
        throw new ApiError('VALIDATION_FAILED', [
          { field: '/body', message: '请填写意见', messageEn: 'Write a comment' },
        ]);
      await audit.transact(ctx, async (trx, record) => {
        await repo.addEvent(trx, event(actor, id, 'comment', current.status, current.status, text));
        await record({ action: 'submission.comment', objectType: 'submission', objectId: id });
      });
      return get(ctx, id);
    },

    // withdraw an unreviewed piece, delete a draft: the author's way back
    ...createWithdrawalService({ repo, reader, audit }),

    // the review side: one-way, it shares the reader and never calls back into this service
    ...createReviewService({
      repo,
      reader,
      facts: deps.facts,
      audit,
      scores: deps.scores,
      notifications: deps.notifications,
    }),
  };
  return service;
}
export type SubmissionsService = ReturnType<typeof createSubmissionsService>;
