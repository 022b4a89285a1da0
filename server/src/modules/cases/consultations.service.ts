// Consultations on draft documents (意见征集, decision 146): editors publish a draft with its period and
// attachments; the public comments through the portal's case form (kind draftComment: the same
// budgets, honeypot, challenge and idempotency as every intake); comments show only once moderated;
// after the close day each comment is answered adopted / partly / not with the reason (the case's
// reply, which its writer reads with the tracking number), and the summary (采纳情况) is published —
// which closes the comments. Every change commits with its audit record.
import {
  COMMENT_ADOPTION_LABELS,
  FINAL_STATUSES,
  addDays,
  caseTransition,
  chinaDate,
  consultationMay,
  consultationPeriodProblem,
  consultationPhase,
  redactPersonalDetails,
  type CommentAdoptionInput,
  type CommentModerationInput,
  type Consultation,
  type ConsultationComment,
  type ConsultationInput,
  type ConsultationPhase,
  type ConsultationTransition,
  type ConsultationUpdate,
} from '@greenvoice/common';
import type { Transaction } from 'kysely';
import { nowIso } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import type { FileStore } from '../../files/file-store.ts';
import { ApiError, conflict, invalid, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { ATTACHMENT_TYPES, checkedUpload, MIME, type Upload } from '../cms/upload-types.ts';
import type { CasesRepo } from './cases.repo.ts';
import type { ConsultationFileRow, ConsultationRow, ConsultationsRepo } from './consultations.repo.ts';

export const CONSULTATIONS_PATH = '/interaction/consultations';
export const consultationFileUrl = (id: number, fileId: number) =>
  `${CONSULTATIONS_PATH}/${id}/files/${fileId}`;

const refused = (p: ConsultationPhase, zh: string, en: string) =>
  new ApiError('INVALID_TRANSITION', undefined, { zh: `${zh}（当前：${p}）`, en: `${en} (now: ${p})` });

export function createConsultationsService(deps: {
  repo: ConsultationsRepo;
  cases: CasesRepo;
  audit: AuditService;
  store: FileStore;
  retentionDays: number;
  site: () => Promise<{ id: number } | null>;
  today?: () => string;
}) {
  const { repo, audit, store } = deps;
  const today = deps.today ?? (() => chinaDate(nowIso()));
  const phaseOf = (r: ConsultationRow) =>
    consultationPhase(
      {
        status: r.status,
        opensOn: r.opens_on,
        closesOn: r.closes_on,
        resultPublished: !!r.result_published_at,
      },
      today(),
    );

  function present(
    r: ConsultationRow,
    files: ConsultationFileRow[],
    counts: Map<number, { total: number; pending: number; shown: number }>,
  ): Consultation {
    return {
      id: r.id,
      title: r.title,
      summary: r.summary,
      body: r.body,
      opensOn: r.opens_on,
      closesOn: r.closes_on,
      phase: phaseOf(r),
      publishedAt: r.published_at,
      resultText: r.result_text,
      resultPublishedAt: r.result_published_at,
      files: files
        .filter((f) => f.consultation_id === r.id)
        .map((f) => ({
          id: f.id,
          name: f.original_name,
          mime: f.mime,
          size: f.size,
          url: consultationFileUrl(r.id, f.id),
        })),
      comments: counts.get(r.id) ?? { total: 0, pending: 0, shown: 0 },
      isDemo: r.is_demo === 1,
      version: r.version,
      updatedAt: r.updated_at,
    };
  }
  const presentMany = async (rows: ConsultationRow[]) => {
    const ids = rows.map((r) => r.id);
    const [files, counts] = await Promise.all([repo.files(ids), repo.commentCounts(ids)]);
    return rows.map((r) => present(r, files, counts));
  };
  const presentComment = (
    c: Awaited<ReturnType<ConsultationsRepo['comments']>>[number],
  ): ConsultationComment => ({
    id: c.id,
    trackingNumber: c.tracking_number,
    status: c.status,
    receivedOn: c.received_on,
    text: c.description,
    moderation: c.moderation ?? 'pending',
    shownText: c.published_question,
    adoption: c.adoption,
    adoptionReason: c.reply_text,
    version: c.version,
  });

  async function row(
    ctx: RequestContext,
    id: number,
    q: Parameters<ConsultationsRepo['find']>[0] = deps.cases.db,
  ) {
    const r = await repo.find(q, id, requireActor(ctx).bureauUnitId);
    if (!r) throw notFound();
    return r;
  }
  const get = async (ctx: RequestContext, id: number) => (await presentMany([await row(ctx, id)]))[0]!;
  const period = (opensOn: string, closesOn: string) => {
    const p = consultationPeriodProblem(opensOn, closesOn);
    if (p) throw invalid('/closesOn', p.zh, p.en);
  };

  /** a comment of this consultation, in the caller's transaction */
  async function comment(
    trx: Transaction<Database>,
    consultationId: number,
    commentId: number,
    version: number,
  ) {
    const c = await deps.cases.find(trx, commentId);
    if (!c || c.kind !== 'draftComment' || c.consultation_id !== consultationId || c.status === 'notAccepted')
      throw notFound();
    if (c.version !== version) throw conflict();
    return c;
  }

  async function comments(ctx: RequestContext, id: number): Promise<ConsultationComment[]> {
    await row(ctx, id);
    return (await repo.comments(deps.cases.db, id)).map(presentComment);
  }

  async function publishedOne(id: number) {
    const s = await deps.site();
    const r = s ? await repo.find(deps.cases.db, id, s.id) : undefined;
    if (!r || r.status !== 'published') return null;
    const [c] = await presentMany([r]);
    const comments = (await repo.comments(deps.cases.db, id, true)).map(presentComment);
    return { consultation: c!, comments };
  }

  return {
    async list(ctx: RequestContext): Promise<Consultation[]> {
      return presentMany(await repo.list(requireActor(ctx).bureauUnitId));
    },
    get,

    async create(ctx: RequestContext, input: ConsultationInput): Promise<Consultation> {
      const actor = requireActor(ctx);
      period(input.opensOn, input.closesOn);
      const at = nowIso();
      const id = await audit.transact(ctx, async (trx, record) => {
        const { id } = await repo.insert(trx, {
          bureau_unit_id: actor.bureauUnitId,
          title: input.title.trim(),
          summary: input.summary?.trim() ?? '',
          body: input.body.trim(),
          opens_on: input.opensOn,
          closes_on: input.closesOn,
          status: 'draft',
          published_at: null,
          result_text: null,
          result_published_at: null,
          created_by: actor.personId,
          is_demo: 0,
          created_at: at,
          updated_at: at,
        });
        await record({
          action: 'consultations.create',
          objectType: 'consultation',
          objectId: id,
          detail: { title: input.title.trim(), opensOn: input.opensOn, closesOn: input.closesOn },
        });
        return id;
      });
      return get(ctx, id);
    },

    async update(ctx: RequestContext, id: number, input: ConsultationUpdate): Promise<Consultation> {
      const current = await row(ctx, id);
      if (current.version !== input.version) throw conflict();
      const p = phaseOf(current);
      if (!consultationMay.edit(p))
        throw refused(
          p,
          '征集已开始，不能再修改草案',
          'Comments have opened: the draft can no longer change',
        );
      period(input.opensOn ?? current.opens_on, input.closesOn ?? current.closes_on);
      const set = {
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(input.summary !== undefined ? { summary: input.summary.trim() } : {}),
        ...(input.body !== undefined ? { body: input.body.trim() } : {}),
        ...(input.opensOn !== undefined ? { opens_on: input.opensOn } : {}),
        ...(input.closesOn !== undefined ? { closes_on: input.closesOn } : {}),
      };
      await audit.transact(ctx, async (trx, record) => {
        if (!(await repo.update(trx, id, input.version, { ...set, updated_at: nowIso() }))) throw conflict();
        await record({
          action: 'consultations.update',
          objectType: 'consultation',
          objectId: id,
          detail: set,
        });
      });
      return get(ctx, id);
    },

    async transition(ctx: RequestContext, id: number, input: ConsultationTransition): Promise<Consultation> {
      const current = await row(ctx, id);
      if (current.version !== input.version) throw conflict();
      const p = phaseOf(current);
      const at = nowIso();
      await audit.transact(ctx, async (trx, record) => {
        let set;
        let detail: Record<string, unknown> = {};
        if (input.action === 'publish') {
          if (!consultationMay.publish(p))
            throw refused(p, '只有草稿可以发布', 'Only a draft can be published');
          set = { status: 'published' as const, published_at: at };
        } else if (input.action === 'withdraw') {
          if (!consultationMay.withdraw(p))
            throw refused(
              p,
              '只有未截止的征集可以撤回',
              'Only a consultation not yet closed can be withdrawn',
            );
          set = { status: 'withdrawn' as const };
        } else {
          if (!consultationMay.publishResult(p))
            throw refused(p, '征集截止后才能公布采纳情况', 'The feedback is published after the close day');
          const text = input.resultText?.trim();
          if (!text)
            throw invalid('/resultText', '请填写意见采纳情况说明', 'Write the summary of the feedback');
          const comments = await repo.comments(trx, id);
          const open = comments.filter((c) => c.adoption === null).length;
          if (open)
            throw new ApiError('UNPROCESSABLE', undefined, {
              zh: `还有 ${open} 条意见未答复采纳情况`,
              en: `${open} comments still need their adoption answer`,
            });
          // publishing the feedback ends the comments: each closed, its writer's details scheduled to go
          for (const c of comments) {
            const full = await deps.cases.find(trx, c.id);
            if (!full) continue;
            const t = caseTransition(full, 'close', 'handler');
            if ('refused' in t) continue;
            if (
              !(await deps.cases.update(trx, c.id, full.version, {
                status: t.to,
                closed_at: at,
                due_on: null,
                updated_at: at,
              }))
            )
              throw conflict();
            if (FINAL_STATUSES.includes(t.to))
              await deps.cases.scheduleErasure(trx, c.id, addDays(today(), deps.retentionDays));
            await deps.cases.addEvent(trx, {
              case_id: c.id,
              at,
              actor_id: requireActor(ctx).personId,
              unit_id: requireActor(ctx).unitId,
              action: 'close',
              from_status: full.status,
              to_status: t.to,
              note: '意见征集已公布采纳情况',
              public: 1,
            });
          }
          set = { result_text: text, result_published_at: at };
          detail = { comments: comments.length };
        }
        if (!(await repo.update(trx, id, input.version, { ...set, updated_at: at }))) throw conflict();
        await record({
          action: `consultations.${input.action}`,
          objectType: 'consultation',
          objectId: id,
          detail,
        });
      });
      return get(ctx, id);
    },

    async uploadFile(ctx: RequestContext, id: number, upload: Upload): Promise<Consultation> {
      const actor = requireActor(ctx);
      const current = await row(ctx, id);
      const p = phaseOf(current);
      if (!consultationMay.edit(p))
        throw refused(
          p,
          '征集已开始，不能再修改附件',
          'Comments have opened: attachments can no longer change',
        );
      const f = checkedUpload(upload, ATTACHMENT_TYPES);
      const stored = await store.put(f.bytes);
      try {
        await audit.transact(ctx, async (trx, record) => {
          const { id: fileId } = await repo.insertFile(trx, {
            consultation_id: id,
            token: stored.key,
            original_name: f.name,
            mime: MIME[f.type],
            size: stored.size,
            sha256: stored.sha256,
            created_by: actor.personId,
            created_at: nowIso(),
          });
          await record({
            action: 'consultations.file.upload',
            objectType: 'consultation_file',
            objectId: fileId,
            detail: { consultationId: id, name: f.name, size: stored.size, type: f.type },
          });
        });
      } catch (err) {
        await store.remove(stored.key);
        throw err;
      }
      return get(ctx, id);
    },

    async removeFile(ctx: RequestContext, id: number, fileId: number): Promise<Consultation> {
      const current = await row(ctx, id);
      const p = phaseOf(current);
      if (!consultationMay.edit(p))
        throw refused(
          p,
          '征集已开始，不能再修改附件',
          'Comments have opened: attachments can no longer change',
        );
      const file = (await repo.files([id])).find((f) => f.id === fileId);
      if (!file) throw notFound();
      await audit.transact(ctx, async (trx, record) => {
        await repo.deleteFile(trx, fileId, id);
        await record({
          action: 'consultations.file.remove',
          objectType: 'consultation_file',
          objectId: fileId,
          detail: { consultationId: id, name: file.original_name },
        });
      });
      await store.remove(file.token);
      return get(ctx, id);
    },

    comments,

    /** Shows a comment on the portal (its text with personal details masked, edited if need be) or not. */
    async moderate(ctx: RequestContext, id: number, commentId: number, input: CommentModerationInput) {
      const current = await row(ctx, id);
      const p = phaseOf(current);
      if (!consultationMay.moderate(p)) throw refused(p, '征集尚未开始', 'The consultation has not opened');
      await audit.transact(ctx, async (trx, record) => {
        const c = await comment(trx, id, commentId, input.version);
        const shown = input.moderation === 'shown';
        const text = shown ? redactPersonalDetails(input.shownText?.trim() || c.description) : null;
        if (
          !(await deps.cases.update(trx, c.id, c.version, {
            moderation: input.moderation,
            published_question: text,
            updated_at: nowIso(),
          }))
        )
          throw conflict();
        await deps.cases.addEvent(trx, {
          case_id: c.id,
          at: nowIso(),
          actor_id: requireActor(ctx).personId,
          unit_id: requireActor(ctx).unitId,
          action: 'moderated',
          from_status: null,
          to_status: null,
          note: shown ? '意见已公开' : '意见不公开',
          public: 1,
        });
        await record({
          action: 'consultations.comment.moderate',
          objectType: 'case',
          objectId: c.id,
          detail: { consultationId: id, moderation: input.moderation },
        });
      });
      return comments(ctx, id);
    },

    /** After the close day: adopted / partly / not, with the reason — the comment's reply. */
    async adopt(ctx: RequestContext, id: number, commentId: number, input: CommentAdoptionInput) {
      const current = await row(ctx, id);
      const p = phaseOf(current);
      if (!consultationMay.adopt(p))
        throw refused(
          p,
          '征集截止后、公布采纳情况前才能答复',
          'Answer after the close day and before the feedback',
        );
      await audit.transact(ctx, async (trx, record) => {
        const c = await comment(trx, id, commentId, input.version);
        const reason = input.reason.trim();
        const reply = `${COMMENT_ADOPTION_LABELS[input.adoption].zh}：${reason}`;
        const from = c.status;
        let to = c.status;
        if (c.status !== 'replied') {
          const t = caseTransition(c, 'reply', 'handler');
          if ('refused' in t) throw new ApiError('INVALID_TRANSITION', undefined, t.refused);
          to = t.to;
        }
        const at = nowIso();
        if (
          !(await deps.cases.update(trx, c.id, c.version, {
            status: to,
            adoption: input.adoption,
            reply_text: reply,
            replied_at: at,
            due_on: null,
            updated_at: at,
          }))
        )
          throw conflict();
        await deps.cases.addEvent(trx, {
          case_id: c.id,
          at,
          actor_id: requireActor(ctx).personId,
          unit_id: requireActor(ctx).unitId,
          action: 'reply',
          from_status: from,
          to_status: to,
          note: reply,
          public: 1,
        });
        await record({
          action: 'consultations.comment.adopt',
          objectType: 'case',
          objectId: c.id,
          detail: { consultationId: id, adoption: input.adoption },
        });
      });
      return comments(ctx, id);
    },

    // ——— the portal's reads: the site bureau's published consultations ———
    async published(): Promise<Consultation[]> {
      const s = await deps.site();
      return s ? presentMany(await repo.list(s.id, true)) : [];
    },
    publishedOne,
    async openFile(id: number, fileId: number) {
      const one = await publishedOne(id);
      const f = one ? (await repo.files([id])).find((x) => x.id === fileId) : undefined;
      const body = f ? await store.open(f.token) : null;
      return f && body ? { name: f.original_name, mime: f.mime, body } : null;
    },
    /** whether the portal takes comments on it today */
    async openForComments(id: number) {
      const one = await publishedOne(id);
      return one?.consultation.phase === 'open';
    },
  };
}
export type ConsultationsService = ReturnType<typeof createConsultationsService>;
