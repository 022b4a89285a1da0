// Public cases (docs/public-interaction.md): filing from the portal, following with the tracking number
// and query code, and the staff's steps — accept, assign to a county bureau and back, reply, extend with
// a leader's approval, close — each checked against the closed workflow in common/src/cases and audited
// in the same transaction. Who filed a case is stored apart and sealed (cases-keys.ts); only the
// receiving bureau's handlers may open it, each opening audited, and it is erased after closure.
import {
  ASSIGNABLE_KINDS,
  CASE_ACTION_LABELS,
  FINAL_STATUSES,
  INFO_ANSWER_NEEDS_BASIS,
  INFO_COMPLETION_PERIOD_WORKING_DAYS,
  addWorkingDays,
  PUBLISHABLE_KINDS,
  TRACKING_RANDOM_LENGTH,
  addDays,
  availableCaseActions,
  canExtend,
  caseTransition,
  chinaDate,
  codeFromBytes,
  completionRequestDue,
  formatQueryCode,
  formatTrackingNumber,
  maxExtension,
  normaliseCode,
  normaliseTrackingNumber,
  redactPersonalDetails,
  stageLimit,
  type CaseActionInput,
  type CaseDetail,
  type CaseFacts,
  type CaseQueueQuery,
  type CaseSummary,
  type CaseStatus,
  type CountyOption,
  type ExtensionDecisionInput,
  type ExtensionRequestInput,
  type KnownPersonalDetails,
  type PublicationInput,
  type PublicationWithdrawInput,
  type ReporterIdentity,
  type WorkingCalendar,
} from '@greenvoice/common';
import { randomBytes } from 'node:crypto';
import type { Transaction, Updateable } from 'kysely';
import { nowIso } from '../../db/database.ts';
import type { CaseEventAction, CasesTable, Database } from '../../db/types.ts';
import type { FileStore } from '../../files/file-store.ts';
import { ApiError, conflict, forbidden, invalid, notFound } from '../../http/api-error.ts';
import { requireActor, type Actor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { AcceptedFile } from '../submissions/evidence-intake.ts';
import type { WorkingCalendarService } from '../working-calendar/working-calendar.service.ts';
import { renderOfficialDocument } from '../bulletins/official-document-on-demand.ts';
import { takeDocumentNumber } from '../bulletins/document-numbers.repo.ts';
import { pagedExport } from '../../spreadsheets/xlsx-export.ts';
import { answerLetter } from './answer-letter.ts';
import { CASES_EXPORT } from './cases-export.ts';
import type { IntakeInput } from './case-intake.ts';
import type { CasesKeys } from './cases-keys.ts';
import { presentEvent, presentPublic, presentSummary, type CaseRow } from './cases-present.ts';
import type { CasesRepo } from './cases.repo.ts';

export interface CasesSettings {
  letterReplyWorkingDays: number;
  identityRetentionDays: number;
}

type Side = { side: 'handler' | 'leader'; countyId: null } | { side: 'county'; countyId: number };

const areaOf = (unitName: string) => unitName.replace(/(环境保护局|环保分局|生态环境局|分局)$/, '');
const invalidTransition = (r: { zh: string; en: string }) => new ApiError('INVALID_TRANSITION', undefined, r);

export function createCasesService(deps: {
  repo: CasesRepo;
  audit: AuditService;
  calendar: WorkingCalendarService;
  keys: CasesKeys;
  photos: FileStore;
  settings: CasesSettings;
  /** the bureau whose portal files the cases (the portal's site unit) */
  site: () => Promise<{ id: number; name: string } | null>;
  today?: () => string;
}) {
  const { repo, audit, calendar, keys, settings } = deps;
  const today = deps.today ?? (() => chinaDate(nowIso()));

  async function siteBureau() {
    const s = await deps.site();
    const path = s ? await repo.unitPath(s.id) : null;
    if (!s || !path) throw new ApiError('UNAVAILABLE');
    return { id: s.id, path };
  }

  function dueOf(
    c: Pick<CaseRow, 'kind' | 'received_on' | 'accepted_on' | 'extension_days'> & {
      completion_asked_on?: string | null;
    },
    status: CaseStatus,
    cal: WorkingCalendar,
  ) {
    const l = stageLimit(
      {
        kind: c.kind,
        status,
        receivedOn: c.received_on,
        acceptedOn: c.accepted_on,
        completionAskedOn: c.completion_asked_on ?? null,
        extensionDays: c.extension_days,
      },
      cal,
      { letterReplyWorkingDays: settings.letterReplyWorkingDays },
    );
    return l;
  }

  /** what the workflow's completion rules need besides the state (条例 art. 30, decision 210) */
  function factsOf(c: CaseRow, cal: WorkingCalendar, day = today()): CaseFacts {
    if (c.kind !== 'infoRequest') return { today: day };
    return {
      today: day,
      completionAskedOn: c.completion_asked_on,
      completionAskBy: c.status === 'received' ? completionRequestDue(c.received_on, cal) : null,
      completionDue: c.status === 'needsCompletion' ? c.due_on : null,
    };
  }

  /**
   * How a county bureau reads a case's texts: with the reporter's personal details masked — what the
   * patterns catch and what the reporter gave in the form — unless they agreed that the county may
   * contact them. The receiving bureau reads them as written.
   */
  async function textsFor(side: Side, rows: CaseRow[]): Promise<Map<number, (s: string) => string>> {
    const out = new Map<number, (s: string) => string>();
    if (side.side !== 'county') return out;
    const masked = rows.filter((r) => r.identity_shared !== 1);
    const sealed = await repo.reportersOf(masked.filter((r) => r.anonymous !== 1).map((r) => r.id));
    for (const r of masked) {
      const one = sealed.get(r.id);
      const known: KnownPersonalDetails = one ? keys.openReporter(one) : {};
      out.set(r.id, (text) => redactPersonalDetails(text, known));
    }
    return out;
  }
  const asWritten = (s: string) => s;

  /** what the writer gave in the form, to be masked wherever it stands in a published text */
  async function knownOf(trx: Transaction<Database>, caseId: number): Promise<KnownPersonalDetails> {
    const row = await repo.reporter(caseId, trx);
    return row ? keys.openReporter(row.sealed) : {};
  }

  async function sideOf(actor: Actor): Promise<Side> {
    if (!actor.permissions.has('cases:handle')) return { side: 'leader', countyId: null };
    const county = await repo.countyOf(actor.unitPath);
    return county ? { side: 'county', countyId: county.id } : { side: 'handler', countyId: null };
  }

  /** The case if this person may see it: their bureau's, and for a county only what is assigned to it. */
  async function visible(q: Parameters<CasesRepo['find']>[0], actor: Actor, side: Side, id: number) {
    const c = await repo.find(q, id);
    if (!c || c.bureau_unit_id !== actor.bureauUnitId) throw notFound();
    if (side.side === 'county' && c.assigned_unit_id !== side.countyId) throw notFound();
    return c;
  }

  async function event(
    trx: Transaction<Database>,
    actor: Actor | null,
    caseId: number,
    action: CaseEventAction,
    o: { from?: CaseStatus | null; to?: CaseStatus | null; note?: string | null; public?: boolean } = {},
  ) {
    await repo.addEvent(trx, {
      case_id: caseId,
      at: nowIso(),
      actor_id: actor?.personId ?? null,
      unit_id: actor?.unitId ?? null,
      action,
      from_status: o.from ?? null,
      to_status: o.to ?? null,
      note: o.note ?? null,
      public: o.public ? 1 : 0,
    });
  }

  async function reporterState(c: CaseRow, side: Side): Promise<CaseDetail['reporter']> {
    if (c.anonymous === 1) return 'anonymous';
    if (!(await repo.hasReporter(c.id))) return 'erased';
    if (side.side === 'handler') return 'available';
    if (side.side === 'county' && c.identity_shared === 1) return 'available';
    return 'withheld';
  }

  async function detail(actor: Actor, side: Side, c: CaseRow): Promise<CaseDetail> {
    const [photos, all, cal, texts] = await Promise.all([
      repo.photos(c.id),
      repo.events(c.id),
      calendar.load(),
      textsFor(side, [c]),
    ]);
    const limit = dueOf(c, c.status, cal);
    const party = side.side === 'leader' ? null : side.side;
    const max = maxExtension(c.kind);
    const text = texts.get(c.id) ?? asWritten;
    const maybe = (s: string | null) => (s === null ? null : text(s));
    // a county sees the steps from its assignment on (the assignment itself included), never the
    // receiving bureau's notes before it (no assignment step on record: nothing of before)
    const from = side.side === 'county' ? all.map((e) => e.action).lastIndexOf('assign') : 0;
    const events = (from < 0 ? [] : all.slice(from)).map((e) => ({ ...e, note: maybe(e.note) }));
    return {
      ...presentSummary(c, today(), text),
      description: text(c.description),
      address: c.address,
      publicReplyWanted: c.public_reply_wanted === 1,
      identityShared: c.identity_shared === 1,
      applicantType: c.applicant_type,
      organisationKind: c.applicant_org_kind,
      infoForm: c.info_form,
      infoDelivery: c.info_delivery,
      acceptedOn: c.accepted_on,
      extensionDays: c.extension_days,
      extensionRequestDays: c.extension_request_days,
      extensionReason: c.extension_reason,
      decisionReason: c.decision_reason,
      redirectTo: c.redirect_to,
      countyResult: c.county_result,
      replyText: maybe(c.reply_text),
      repliedAt: c.replied_at,
      answerType: c.answer_type,
      answerBasis: c.answer_basis,
      answerGround: c.answer_ground,
      answerLetter: side.side === 'handler' && c.kind === 'infoRequest' && c.answer_number !== null,
      published: c.published === 1,
      publishedQuestion: c.published_question,
      publishedReply: c.published_reply,
      rating: c.rating,
      ratingComment: maybe(c.rating_comment),
      photos: photos.map((p) => ({ id: p.id, fileName: p.file_name, mediaType: p.media_type, size: p.size })),
      events: events.map(presentEvent),
      limit: limit && {
        stage: limit.stage,
        due: limit.due,
        days: limit.days,
        unit: limit.unit,
        uncertain: limit.uncertain,
      },
      side: side.side,
      actions: party ? availableCaseActions(c, party, factsOf(c, cal)) : [],
      canRequestExtension:
        side.side === 'handler' &&
        canExtend(c) &&
        c.extension_state !== 'requested' &&
        c.extension_days === 0,
      canDecideExtension:
        actor.permissions.has('cases:approveExtension') && c.extension_state === 'requested',
      canEditPublication:
        side.side === 'handler' &&
        PUBLISHABLE_KINDS.includes(c.kind) &&
        c.public_reply_wanted === 1 &&
        (c.status === 'replied' || c.status === 'closed'),
      maxExtensionDays: max?.days ?? null,
      reporter: await reporterState(c, side),
    };
  }

  async function newTrackingNumber(trx: Transaction<Database>, kind: IntakeInput['kind'], date: string) {
    for (;;) {
      const n = formatTrackingNumber(
        kind,
        date,
        codeFromBytes(randomBytes(TRACKING_RANDOM_LENGTH), TRACKING_RANDOM_LENGTH),
      );
      if (!(await repo.trackingNumberTaken(trx, n))) return n;
    }
  }

  async function findByNumberAndCode(typedNumber: string, typedCode: string) {
    const n = normaliseTrackingNumber(typedNumber);
    const c = n ? await repo.byTrackingNumber(n) : undefined;
    // the same work and the same answer whether the number is unknown or the code wrong
    const ok = keys.codeMatches(c?.query_code_hash ?? null, n ?? '-', normaliseCode(typedCode));
    return ok && c ? c : null;
  }

  /** The person's view of their case, or null — the same null for an unknown number and a wrong code. */
  async function track(typedNumber: string, typedCode: string) {
    const c = await findByNumberAndCode(typedNumber, typedCode);
    return c ? presentPublic(c, await repo.events(c.id), today()) : null;
  }

  /** One request whose applicant's period ended before `day`: treated as withdrawn (art. 30). */
  async function lapseOne(ctx: RequestContext, id: number, day: string, onLateCompletion = false) {
    const cal = await calendar.load();
    return audit.transact(ctx, async (trx, record) => {
      const c = await repo.find(trx, id);
      if (!c) return false;
      const t = caseTransition(c, 'lapse', 'system', factsOf(c, cal, day));
      if ('refused' in t) return false;
      const set = { status: t.to, due_on: null, closed_at: nowIso(), updated_at: nowIso() };
      if (!(await repo.update(trx, c.id, c.version, set))) return false;
      await repo.scheduleErasure(trx, c.id, addDays(day, settings.identityRetentionDays));
      await event(trx, null, c.id, 'lapse', {
        from: c.status,
        to: t.to,
        note: `申请人未在补正期限（${c.due_on}）内补正，视为放弃申请`,
        public: true,
      });
      await record({
        action: 'cases.lapse',
        objectType: 'case',
        objectId: c.id,
        detail: {
          from: c.status,
          to: t.to,
          due: c.due_on,
          ...(onLateCompletion ? { onLateCompletion } : {}),
        },
        actorOverride: { id: null, name: '系统任务 scheduler', roles: '' },
      });
      return true;
    });
  }

  async function get(ctx: RequestContext, id: number): Promise<CaseDetail> {
    const actor = requireActor(ctx);
    const side = await sideOf(actor);
    return detail(actor, side, await visible(repo.db, actor, side, id));
  }

  const service = {
    /** The queue's whole filtered result as .xlsx, through the queue itself (decision 123). */
    exportXlsx: pagedExport(
      audit,
      CASES_EXPORT,
      (ctx, q: CaseQueueQuery): Promise<{ items: CaseSummary[] }> => service.queue(ctx, q),
    ),

    /** where a case may be placed and assigned: the bureau's county bureaus */
    async counties(ctx?: RequestContext): Promise<CountyOption[]> {
      const path = ctx?.actor ? ctx.actor.bureauPath : (await siteBureau()).path;
      return (await repo.counties(path)).map((u) => ({ id: u.id, name: u.name, area: areaOf(u.name) }));
    },

    /**
     * Files a case from the portal. A repeat of the same form (a double click, a reload) finds the case
     * the first one filed and answers the same numbers; nothing is half-written (photos are stored
     * before, and removed by the caller if this throws).
     */
    async file(
      ctx: RequestContext,
      formToken: string,
      input: IntakeInput,
      photos: AcceptedFile[],
      opts: { isDemo?: boolean } = {},
    ) {
      const bureau = await siteBureau();
      const idem = keys.idempotencyKey(formToken);
      const code = keys.queryCodeFor(formToken);
      const cal = await calendar.load();
      return audit.transact(ctx, async (trx, record) => {
        const earlier = await repo.byIdempotencyKey(trx, idem);
        if (earlier)
          return {
            trackingNumber: earlier.tracking_number,
            queryCode: formatQueryCode(code),
            kind: earlier.kind,
            repeated: true,
          };
        const at = nowIso();
        const receivedOn = chinaDate(at);
        const trackingNumber = await newTrackingNumber(trx, input.kind, receivedOn);
        const draft = { kind: input.kind, received_on: receivedOn, accepted_on: null, extension_days: 0 };
        const { id } = await repo.insert(trx, {
          bureau_unit_id: bureau.id,
          kind: input.kind,
          tracking_number: trackingNumber,
          query_code_hash: keys.codeHash(trackingNumber, code),
          status: 'received',
          category: input.category,
          county: input.county,
          address: input.address,
          subject: input.subject,
          description: input.description,
          public_reply_wanted: input.publicReplyWanted ? 1 : 0,
          anonymous: input.anonymous ? 1 : 0,
          identity_shared: input.identityShared ? 1 : 0,
          applicant_type: input.applicantType,
          applicant_org_kind: input.organisationKind,
          info_form: input.infoForm,
          info_delivery: input.infoDelivery,
          assigned_unit_id: null,
          received_on: receivedOn,
          accepted_on: null,
          due_on: dueOf(draft, 'received', cal)?.due ?? null,
          extension_days: 0,
          extension_state: 'none',
          idempotency_key: idem,
          published: 0,
          is_demo: opts.isDemo ? 1 : 0,
          consultation_id: input.consultationId,
          moderation: input.kind === 'draftComment' ? 'pending' : null,
          created_at: at,
          updated_at: at,
        });
        if (input.reporter) await repo.addReporter(trx, id, keys.sealReporter(input.reporter), at);
        await repo.addPhotos(
          trx,
          photos.map((p) => ({
            case_id: id,
            stored_name: p.storedName,
            file_name: p.fileName,
            media_type: p.mediaType,
            size: p.size,
            sha256: p.sha256,
            created_at: at,
          })),
        );
        await event(trx, null, id, 'filed', { to: 'received', public: true });
        await record({
          action: 'cases.file',
          objectType: 'case',
          objectId: id,
          // never who filed it: only that someone did, and how
          detail: { kind: input.kind, trackingNumber, anonymous: input.anonymous, photos: photos.length },
          actorOverride: { id: null, name: '公众 public', roles: '' },
        });
        return { trackingNumber, queryCode: formatQueryCode(code), kind: input.kind, repeated: false };
      });
    },

    track,

    /** The person rates the handling once it is replied to (1–5, an optional comment). */
    async rate(ctx: RequestContext, typedNumber: string, typedCode: string, rating: number, comment: string) {
      const c = await findByNumberAndCode(typedNumber, typedCode);
      if (!c) return null;
      if (!(c.status === 'replied' || c.status === 'closed') || c.rating !== null)
        return presentPublic(c, await repo.events(c.id), today());
      await audit.transact(ctx, async (trx, record) => {
        if (
          !(await repo.update(trx, c.id, c.version, {
            rating,
            rating_comment: comment || null,
            rated_at: nowIso(),
            updated_at: nowIso(),
          }))
        )
          throw conflict();
        await event(trx, null, c.id, 'rated', { note: `${rating} / 5`, public: true });
        await record({
          action: 'cases.rate',
          objectType: 'case',
          objectId: c.id,
          detail: { rating },
          actorOverride: { id: null, name: '公众 public', roles: '' },
        });
      });
      return track(typedNumber, typedCode);
    },

    /**
     * An information request's applicant completes it: the answer's clock starts again from today. A
     * completion after the applicant's period is not one (decision 210): the request is treated as
     * withdrawn there and then, as the nightly job would have, and the person is told to file anew.
     */
    async complete(ctx: RequestContext, typedNumber: string, typedCode: string, text: string) {
      const c = await findByNumberAndCode(typedNumber, typedCode);
      if (!c) return null;
      const cal = await calendar.load();
      const receivedOn = today();
      const t = caseTransition(c, 'complete', 'person', factsOf(c, cal, receivedOn));
      if ('refused' in t) {
        if (!t.lapsed) throw invalidTransition(t.refused);
        await lapseOne(ctx, c.id, receivedOn, true);
        const view = await track(typedNumber, typedCode);
        return view && { view, late: true as const, message: t.refused };
      }
      await audit.transact(ctx, async (trx, record) => {
        const set = {
          status: t.to,
          received_on: receivedOn,
          description: `${c.description}\n\n【补正 ${receivedOn}】${text}`,
          due_on: dueOf({ ...c, received_on: receivedOn }, t.to, cal)?.due ?? null,
          updated_at: nowIso(),
        };
        if (!(await repo.update(trx, c.id, c.version, set))) throw conflict();
        await event(trx, null, c.id, 'complete', { from: c.status, to: t.to, note: text, public: true });
        await record({
          action: 'cases.complete',
          objectType: 'case',
          objectId: c.id,
          actorOverride: { id: null, name: '公众 public', roles: '' },
        });
      });
      const view = await track(typedNumber, typedCode);
      return view && { view, late: false as const, message: null };
    },

    async queue(ctx: RequestContext, q: CaseQueueQuery) {
      const actor = requireActor(ctx);
      const side = await sideOf(actor);
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 20;
      const d = today();
      const soon = addDays(d, 3);
      const { items, total } = await repo.list(
        {
          bureauUnitId: actor.bureauUnitId,
          ...(side.side === 'county' ? { assignedUnitId: side.countyId } : {}),
          ...(q.status ? { status: q.status } : {}),
          ...(q.kind ? { kind: q.kind } : {}),
          ...(q.open ? { open: true } : {}),
          ...(q.extension ? { extensionRequested: true } : {}),
          ...(q.q?.trim() ? { q: q.q.trim() } : {}),
          // a county's search does not read the texts it sees masked
          ...(side.side === 'county' ? { searchTexts: false } : {}),
          ...(q.timeliness === 'overdue' ? { dueBefore: d } : {}),
          ...(q.timeliness === 'dueSoon' ? { dueFrom: d, dueTo: soon } : {}),
          ...(q.timeliness === 'onTime' ? { dueFrom: addDays(soon, 1) } : {}),
          ...(q.timeliness ? { open: true } : {}),
        },
        page,
        pageSize,
      );
      const texts = await textsFor(side, items);
      return {
        items: items.map((r) => presentSummary(r, d, texts.get(r.id))),
        total,
        page,
        pageSize,
      };
    },

    get,

    async act(ctx: RequestContext, id: number, input: CaseActionInput): Promise<CaseDetail> {
      const actor = requireActor(ctx);
      const side = await sideOf(actor);
      if (side.side === 'leader') throw forbidden();
      const party = side.side;
      const cal = await calendar.load();
      const d = today();
      const counties = input.action === 'assign' ? await repo.counties(actor.bureauPath) : [];
      await audit.transact(ctx, async (trx, record) => {
        const c = await visible(trx, actor, side, id);
        if (c.version !== input.version) throw conflict();
        const t = caseTransition(c, input.action, party, factsOf(c, cal, d));
        if ('refused' in t) throw invalidTransition(t.refused);
        const note = input.note?.trim() || null;
        // the handler's own instructions to the county bureau go with an assignment only (decision 213)
        const instructions = input.instructions?.trim() || null;
        if (instructions && input.action !== 'assign')
          throw invalid(
            '/instructions',
            '只有转办属地时可以填写办理要求',
            'Instructions to a county bureau go with an assignment only',
          );
        const set: Updateable<CasesTable> = { status: t.to, updated_at: nowIso() };
        let publicNote: string | null = null;
        let isPublic = false;
        const required = (field: string, v: string | undefined, zh: string, en: string) => {
          const s = v?.trim();
          if (!s) throw invalid(field, zh, en);
          return s;
        };
        switch (input.action) {
          case 'accept':
            set.accepted_on = d;
            isPublic = true;
            publicNote = note;
            break;
          case 'notAccept':
            set.decision_reason = required(
              '/reason',
              input.reason,
              '请写明不予受理的理由',
              'Give the reason',
            );
            set.redirect_to = input.redirectTo?.trim() || null;
            set.closed_at = nowIso();
            set.answered_due_on = c.due_on;
            isPublic = true;
            publicNote = set.redirect_to
              ? `${set.decision_reason}（建议向${set.redirect_to}反映）`
              : set.decision_reason;
            break;
          case 'requestCompletion':
            // once only and within 7 working days (条例 art. 30): the workflow's rule, checked above
            publicNote = required('/note', input.note, '请写明需要补正的内容', 'Say what must be completed');
            set.completion_asked_on = d;
            publicNote += `（请于${addWorkingDays(d, INFO_COMPLETION_PERIOD_WORKING_DAYS, cal).date}前补正，逾期未补正的视为放弃申请）`;
            isPublic = true;
            break;
          case 'assign': {
            const unit = counties.find((u) => u.id === input.unitId);
            if (!unit) throw invalid('/unitId', '请选择承办的区县环保部门', 'Choose the county bureau');
            set.assigned_unit_id = unit.id;
            publicNote = `已转交${unit.name}办理`;
            isPublic = true;
            break;
          }
          case 'recall':
            set.assigned_unit_id = null;
            break;
          case 'countyReply':
            set.county_result = required('/note', input.note, '请填写办理结果', 'Write what was done');
            break;
          case 'sendBack':
            required('/note', input.note, '请写明退回的原因', 'Say why it is sent back');
            break;
          case 'reply': {
            const reply = required('/reply', input.reply, '请填写答复内容', 'Write the reply');
            set.reply_text = reply;
            set.replied_at = nowIso();
            set.answered_due_on = c.due_on;
            if (c.kind === 'infoRequest') {
              if (!input.answerType)
                throw invalid('/answerType', '请选择答复类型', 'Choose the type of answer');
              set.answer_type = input.answerType;
              set.answer_basis = input.answerBasis?.trim() || null;
              if (INFO_ANSWER_NEEDS_BASIS.includes(input.answerType) && !set.answer_basis)
                throw invalid(
                  '/answerBasis',
                  '该答复类型须写明依据、负责机关或获取途径',
                  'This answer needs its legal basis, the responsible agency or where to find it',
                );
              if (input.answerType === 'notDisclosed' && !input.answerGround)
                throw invalid(
                  '/answerGround',
                  '请选择不予公开的理由类别',
                  'Choose the ground for not disclosing',
                );
              set.answer_ground = input.answerType === 'notDisclosed' ? (input.answerGround ?? null) : null;
              // the answer letter's number in the bureau's series of the year (decision 144)
              set.answer_number =
                c.answer_number ??
                (await takeDocumentNumber(trx, `infoAnswer:${c.bureau_unit_id}:${Number(d.slice(0, 4))}`));
            }
            if (input.publish) {
              if (!PUBLISHABLE_KINDS.includes(c.kind) || c.public_reply_wanted !== 1)
                throw invalid(
                  '/publish',
                  '来信人未同意公开，或该类事项不公开',
                  'The writer did not agree to publication, or this kind is never published',
                );
              const known = await knownOf(trx, c.id);
              set.published = 1;
              set.published_at = nowIso();
              set.published_question = redactPersonalDetails(
                input.publishedQuestion?.trim() || c.description,
                known,
              );
              set.published_reply = redactPersonalDetails(input.publishedReply?.trim() || reply, known);
            }
            publicNote = reply;
            isPublic = true;
            break;
          }
          case 'close':
            set.closed_at = nowIso();
            isPublic = true;
            publicNote = note;
            break;
          case 'complete':
          case 'lapse':
            throw forbidden();
        }
        const next = {
          ...c,
          accepted_on: set.accepted_on ?? c.accepted_on,
          completion_asked_on: set.completion_asked_on ?? c.completion_asked_on,
        };
        set.due_on = dueOf(next, t.to, cal)?.due ?? null;
        if (FINAL_STATUSES.includes(t.to))
          await repo.scheduleErasure(trx, c.id, addDays(d, settings.identityRetentionDays));
        if (!(await repo.update(trx, c.id, c.version, set))) throw conflict();
        await event(trx, actor, c.id, input.action, {
          from: c.status,
          to: t.to,
          note: isPublic ? publicNote : (note ?? (set.county_result as string | null) ?? null),
          public: isPublic,
        });
        if (set.published === 1) await event(trx, actor, c.id, 'published', { public: true });
        // for the county and the receiving bureau only: never a public step, masked for the county
        // like every note when the reporter did not agree to be contacted (detail())
        if (instructions) await event(trx, actor, c.id, 'assignInstructions', { note: instructions });
        await record({
          action: `cases.${input.action}`,
          objectType: 'case',
          objectId: c.id,
          detail: {
            from: c.status,
            to: t.to,
            ...(set.assigned_unit_id ? { unitId: set.assigned_unit_id } : {}),
            ...(instructions ? { instructions: instructions.length } : {}),
          },
        });
      });
      return get(ctx, id);
    },

    /**
     * The Q&A on the portal: a handler of the receiving bureau edits the question as shown and the reply
     * (both masked again, decision 142) — publishing it if it is not on the portal, when the writer
     * agreed and the case is answered. Audited.
     */
    async editPublication(ctx: RequestContext, id: number, input: PublicationInput) {
      const actor = requireActor(ctx);
      const side = await sideOf(actor);
      if (side.side !== 'handler') throw forbidden();
      await audit.transact(ctx, async (trx, record) => {
        const c = await visible(trx, actor, side, id);
        if (c.version !== input.version) throw conflict();
        if (!PUBLISHABLE_KINDS.includes(c.kind) || c.public_reply_wanted !== 1)
          throw invalidTransition({
            zh: '来信人未同意公开，或该类事项不公开',
            en: 'The writer did not agree to publication, or this kind is never published',
          });
        if (c.status !== 'replied' && c.status !== 'closed')
          throw invalidTransition({
            zh: '答复之后才能公开',
            en: 'Only an answered letter can be published',
          });
        const known = await knownOf(trx, c.id);
        const question = redactPersonalDetails(input.publishedQuestion.trim(), known);
        const answer = redactPersonalDetails(input.publishedReply.trim(), known);
        if (!question)
          throw invalid('/publishedQuestion', '请填写公开的来信内容', 'Write the question as shown');
        if (!answer) throw invalid('/publishedReply', '请填写公开的答复内容', 'Write the reply as shown');
        const first = c.published !== 1;
        const at = nowIso();
        const set: Updateable<CasesTable> = {
          published: 1,
          published_question: question,
          published_reply: answer,
          updated_at: at,
          ...(first ? { published_at: at } : {}),
        };
        if (!(await repo.update(trx, c.id, c.version, set))) throw conflict();
        await event(trx, actor, c.id, first ? 'published' : 'publicationEdited', { public: first });
        await record({
          action: first ? 'cases.publication.publish' : 'cases.publication.edit',
          objectType: 'case',
          objectId: c.id,
          detail: { trackingNumber: c.tracking_number },
        });
      });
      return get(ctx, id);
    },

    /** Takes a published Q&A off the portal (it can be published again); audited. */
    async withdrawPublication(ctx: RequestContext, id: number, input: PublicationWithdrawInput) {
      const actor = requireActor(ctx);
      const side = await sideOf(actor);
      if (side.side !== 'handler') throw forbidden();
      await audit.transact(ctx, async (trx, record) => {
        const c = await visible(trx, actor, side, id);
        if (c.version !== input.version) throw conflict();
        if (c.published !== 1)
          throw invalidTransition({ zh: '该答复未在网站公开', en: 'This reply is not on the portal' });
        if (!(await repo.update(trx, c.id, c.version, { published: 0, updated_at: nowIso() })))
          throw conflict();
        await event(trx, actor, c.id, 'unpublished', { note: input.reason?.trim() || null });
        await record({
          action: 'cases.publication.withdraw',
          objectType: 'case',
          objectId: c.id,
          detail: { trackingNumber: c.tracking_number },
        });
      });
      return get(ctx, id);
    },

    async requestExtension(ctx: RequestContext, id: number, input: ExtensionRequestInput) {
      const actor = requireActor(ctx);
      const side = await sideOf(actor);
      if (side.side !== 'handler') throw forbidden();
      await audit.transact(ctx, async (trx, record) => {
        const c = await visible(trx, actor, side, id);
        if (c.version !== input.version) throw conflict();
        const max = maxExtension(c.kind);
        if (!max || !canExtend(c) || c.extension_state === 'requested' || c.extension_days > 0)
          throw invalidTransition({ zh: '该案件当前不能申请延期', en: 'This case cannot be extended now' });
        if (input.days > max.days)
          throw invalid(
            '/days',
            `最多延长 ${max.days} ${max.unit === 'workingDays' ? '个工作日' : '日'}`,
            `At most ${max.days} ${max.unit === 'workingDays' ? 'working days' : 'days'}`,
          );
        if (
          !(await repo.update(trx, c.id, c.version, {
            extension_state: 'requested',
            extension_request_days: input.days,
            extension_reason: input.reason.trim(),
            updated_at: nowIso(),
          }))
        )
          throw conflict();
        await event(trx, actor, c.id, 'extensionRequested', {
          note: `${input.days}：${input.reason.trim()}`,
        });
        await record({
          action: 'cases.extension.request',
          objectType: 'case',
          objectId: c.id,
          detail: { days: input.days },
        });
      });
      return get(ctx, id);
    },

    /** Leadership approves or refuses; an approval moves the limit and tells the person why. */
    async decideExtension(ctx: RequestContext, id: number, input: ExtensionDecisionInput) {
      const actor = requireActor(ctx);
      const side = await sideOf(actor);
      const cal = await calendar.load();
      await audit.transact(ctx, async (trx, record) => {
        const c = await visible(trx, actor, side, id);
        if (c.version !== input.version) throw conflict();
        if (c.extension_state !== 'requested')
          throw invalidTransition({ zh: '没有待审批的延期申请', en: 'No extension awaits a decision' });
        const days = input.approve ? (c.extension_request_days ?? 0) : 0;
        const set: Updateable<CasesTable> = {
          extension_state: input.approve ? 'approved' : 'refused',
          extension_days: days,
          updated_at: nowIso(),
        };
        set.due_on = dueOf({ ...c, extension_days: days }, c.status, cal)?.due ?? null;
        if (!(await repo.update(trx, c.id, c.version, set))) throw conflict();
        await event(trx, actor, c.id, input.approve ? 'extensionApproved' : 'extensionRefused', {
          note: input.approve
            ? `延长 ${days} ${c.kind === 'infoRequest' ? '个工作日' : '日'}，理由：${c.extension_reason ?? ''}`
            : (input.note ?? null),
          public: input.approve,
        });
        await record({
          action: input.approve ? 'cases.extension.approve' : 'cases.extension.refuse',
          objectType: 'case',
          objectId: c.id,
          detail: { days },
        });
      });
      return get(ctx, id);
    },

    /** Who filed the case — to the receiving bureau's handler (or a county the reporter agreed to); audited. */
    async reporter(ctx: RequestContext, id: number): Promise<ReporterIdentity> {
      const actor = requireActor(ctx);
      const side = await sideOf(actor);
      const c = await visible(repo.db, actor, side, id);
      const state = await reporterState(c, side);
      if (state !== 'available') {
        await audit.record(ctx, {
          action: 'cases.reporter.read',
          objectType: 'case',
          objectId: id,
          result: 'denied',
          detail: { state },
        });
        throw state === 'withheld' ? forbidden() : notFound();
      }
      const row = await repo.reporter(id);
      if (!row) throw notFound();
      const d = keys.openReporter(row.sealed);
      await audit.record(ctx, { action: 'cases.reporter.read', objectType: 'case', objectId: id });
      return {
        name: d.name,
        phone: d.phone,
        email: d.email,
        address: d.address,
        idNumber: d.idNumber,
        organisation: d.organisation,
      };
    },

    /**
     * The answer letter of an answered information request as a Word document (GB/T 9704). It names the
     * applicant, so only the receiving bureau's handlers make it, and each making is audited as a
     * reading of the sealed details.
     */
    async answerLetter(ctx: RequestContext, id: number) {
      const actor = requireActor(ctx);
      const side = await sideOf(actor);
      const c = await visible(repo.db, actor, side, id);
      // a county bureau never sees who asked: for it there is no such letter (404, as out of scope)
      if (side.side !== 'handler') throw notFound();
      if (c.kind !== 'infoRequest' || !c.replied_at || c.answer_number === null)
        throw invalidTransition({
          zh: '只有已答复的依申请公开案件有答复书',
          en: 'Only an answered information request has an answer letter',
        });
      const row = await repo.reporter(id);
      const who = row ? keys.openReporter(row.sealed) : null;
      const applicant =
        (c.applicant_type === 'legalPerson' ? who?.organisation || who?.name : who?.name) ?? null;
      const bureau = (await repo.unitName(c.bureau_unit_id)) ?? '';
      const doc = answerLetter(c, { bureau, applicant, number: c.answer_number });
      const body = await renderOfficialDocument(doc);
      await audit.record(ctx, {
        action: 'cases.reporter.read',
        objectType: 'case',
        objectId: id,
        detail: { for: 'answerLetter', docNumber: doc.docNumber },
      });
      return { body, filename: `${doc.docNumber}${doc.title}（${c.tracking_number}）.docx` };
    },

    async photo(ctx: RequestContext, caseId: number, photoId: number) {
      const actor = requireActor(ctx);
      await visible(repo.db, actor, await sideOf(actor), caseId);
      const p = await repo.photo(caseId, photoId);
      const stream = p ? await deps.photos.open(p.stored_name) : null;
      if (!p || !stream) throw notFound();
      return { stream, fileName: p.file_name, mediaType: p.media_type };
    },

    /** Erases the identities whose keeping period after closure has ended; one audited record each. */
    async eraseExpiredReporters(ctx: RequestContext, day = today()) {
      let erased = 0;
      for (const r of await repo.reportersDue(day, 500)) {
        await audit.transact(ctx, async (trx, record) => {
          if (!(await repo.eraseReporter(trx, r.case_id))) return;
          await event(trx, null, r.case_id, 'identityErased', { note: `保存期满（${r.erase_after}）` });
          await record({
            action: 'cases.reporter.erase',
            objectType: 'case',
            objectId: r.case_id,
            detail: { keptUntil: r.erase_after },
            actorOverride: { id: null, name: '系统任务 scheduler', roles: '' },
          });
          erased++;
        });
      }
      return { erased };
    },

    /**
     * Information requests whose applicant did not complete them within the period (due_on passed):
     * treated as withdrawn (art. 30), told on their case page, the identity scheduled for erasure; one
     * audited record each. Run daily by the leased job `case-completion-lapse`.
     */
    async lapseUncompleted(ctx: RequestContext, day = today()) {
      let lapsed = 0;
      for (const r of await repo.completionLapsed(day, 500)) if (await lapseOne(ctx, r.id, day)) lapsed++;
      return { lapsed };
    },

    /** Published letters and replies (personal details removed), for the portal. */
    async publishedLetters(page: number, pageSize: number) {
      const b = await siteBureau();
      const [items, total] = await Promise.all([
        repo.published(b.id, pageSize, (page - 1) * pageSize),
        repo.publishedCount(b.id),
      ]);
      return { items, total };
    },
    async publishedLetter(id: number) {
      return repo.publishedOne((await siteBureau()).id, id);
    },

    /** Open cases due within the reminder days or overdue (the reminder rule and the to-do counts). */
    dueBy: (until: string) => repo.dueBy(until),
    assignable: (kind: IntakeInput['kind']) => ASSIGNABLE_KINDS.includes(kind),
    actionLabel: (a: keyof typeof CASE_ACTION_LABELS) => CASE_ACTION_LABELS[a],
  };
  return service;
}
export type CasesService = ReturnType<typeof createCasesService>;
