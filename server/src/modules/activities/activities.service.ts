// Publicity events (docs/activities.md): recorded by a unit's officer (their own unit) or the information
// centre (any unit in its tree), scoped by the organising unit, every change audited with its block-B
// fact written and its scores marked stale in the same transaction (decision 085).
import {
  quarterOf,
  type Activity,
  type ActivityInput,
  type ActivityListQuery,
  type ActivityUpdate,
} from '@greenvoice/common';
import type { Transaction } from 'kysely';
import { nowIso } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { conflict, invalid, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { ScoresHandOff } from '../assessment/scoring.service.ts';
import type { Audit, AuditService } from '../audit/audit.service.ts';
import { pagedExport } from '../../spreadsheets/xlsx-export.ts';
import { ACTIVITIES_EXPORT } from './activities-export.ts';
import { mergeFactsChanges, type FactsChange } from '../facts/facts.repo.ts';
import type { UploadPart } from '../submissions/evidence-intake.ts';
import type { SubmissionsRepo } from '../submissions/submissions.repo.ts';
import type { UnitsService } from '../units/units.service.ts';
import type { ActivityFacts } from './activity-facts.ts';
import type { ActivitiesRepo, ActivityRow, ActivityValues } from './activities.repo.ts';
import type { PhotoIntake } from './photo-intake.ts';

export interface ActivitiesDeps {
  repo: ActivitiesRepo;
  facts: ActivityFacts;
  units: UnitsService;
  submissions: Pick<SubmissionsRepo, 'findVisible' | 'namesOf'>;
  audit: AuditService;
  scores: ScoresHandOff;
  photos: PhotoIntake;
  today: () => string;
}

const opt = (s: string | null | undefined) =>
  s === undefined ? undefined : s === null ? null : s.trim() || null;

export function createActivitiesService(deps: ActivitiesDeps) {
  const { repo, audit, units, scores } = deps;

  async function visible(ctx: RequestContext, id: number): Promise<ActivityRow> {
    const r = await repo.find(id, requireActor(ctx).scopePath);
    if (!r) throw notFound();
    return r;
  }

  async function present(rows: ActivityRow[]): Promise<Activity[]> {
    const photos = await repo.photos(rows.map((r) => r.id));
    const reportIds = rows.flatMap((r) => JSON.parse(r.report_ids) as number[]);
    const names = await deps.submissions.namesOf(reportIds);
    return rows.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      kind: r.kind,
      target: r.target,
      title: r.title,
      heldOn: r.held_on,
      quarter: quarterOf(r.held_on),
      place: r.place,
      organiser: r.organiser,
      speaker: r.speaker,
      partner: r.partner,
      audienceKind: r.audience_kind,
      audienceCount: r.audience_count,
      themes: JSON.parse(r.themes) as string[],
      description: r.description,
      reports: (JSON.parse(r.report_ids) as number[]).map((id) => ({ id, title: names.get(id) ?? `#${id}` })),
      photos: photos
        .filter((p) => p.owner_id === r.id)
        .map((p) => ({
          id: p.id,
          fileName: p.file_name,
          altText: p.alt_text,
          mediaType: p.media_type,
          size: p.size,
          url: `/api/v1/activities/${r.id}/photos/${p.id}`,
        })),
      isDemo: r.is_demo === 1,
      version: r.version,
      updatedAt: r.updated_at,
    }));
  }
  const presentOne = async (ctx: RequestContext, id: number) => (await present([await visible(ctx, id)]))[0]!;

  /** The stored values of an input, checked against the kind: five-into needs its target, nothing else has one. */
  async function values(
    ctx: RequestContext,
    input: Partial<ActivityInput>,
    current: ActivityValues | null,
  ): Promise<Partial<ActivityValues>> {
    const v: Partial<ActivityValues> = {};
    if (input.unitId !== undefined) v.unit_id = (await units.getVisible(ctx, input.unitId)).id;
    if (input.kind !== undefined) v.kind = input.kind;
    if (input.target !== undefined) v.target = input.target;
    if (input.title !== undefined) v.title = input.title.trim();
    if (input.heldOn !== undefined) v.held_on = input.heldOn;
    if (input.place !== undefined) v.place = input.place.trim();
    if (input.organiser !== undefined) v.organiser = input.organiser.trim();
    if (input.speaker !== undefined) v.speaker = opt(input.speaker)!;
    if (input.partner !== undefined) v.partner = opt(input.partner)!;
    if (input.audienceKind !== undefined) v.audience_kind = input.audienceKind;
    if (input.audienceCount !== undefined) v.audience_count = input.audienceCount;
    if (input.themes !== undefined) v.themes = JSON.stringify([...new Set(input.themes)]);
    if (input.description !== undefined) v.description = opt(input.description)!;
    if (input.reportIds !== undefined) {
      const scope = requireActor(ctx).scopePath;
      for (const [i, id] of input.reportIds.entries())
        if (!(await deps.submissions.findVisible(id, scope)))
          throw invalid(
            `/reportIds/${i}`,
            `报送 #${id} 不存在或不可见`,
            `Submission #${id} does not exist or is not visible`,
          );
      v.report_ids = JSON.stringify(input.reportIds);
    }
    const m = { ...current, ...v };
    if (m.kind === 'fiveInto' && !m.target)
      throw invalid('/target', '“五进”活动须选择进入的对象', 'A five-into event needs its target');
    if (m.kind !== 'fiveInto' && m.target) v.target = null;
    if (m.held_on && m.held_on > deps.today())
      throw invalid(
        '/heldOn',
        '活动日期不能晚于今天（登记已举办的活动）',
        'Record events that have taken place',
      );
    return v;
  }

  /** The change, its audit record and its fact in one transaction; the recompute once it committed. */
  async function withFacts<T>(
    ctx: RequestContext,
    work: (trx: Transaction<Database>, record: Audit) => Promise<[T, FactsChange | null]>,
  ) {
    let change: FactsChange | null = null;
    const result = await audit.transact(ctx, async (trx, record) => {
      const [r, c] = await work(trx, record);
      change = c;
      for (const m of mergeFactsChanges([c])) await scores.markStale(trx, m);
      return r;
    });
    await scores.afterCommit(mergeFactsChanges([change]));
    return result;
  }

  async function list(ctx: RequestContext, q: ActivityListQuery) {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const { page: _p, pageSize: _s, q: text, ...rest } = q;
    const { items, total } = await repo.list(
      { scopePath: requireActor(ctx).scopePath, ...rest, ...(text?.trim() ? { q: text.trim() } : {}) },
      page,
      pageSize,
    );
    return { items: await present(items), total, page, pageSize };
  }

  return {
    visible,
    present,

    list,
    /** the events as Excel: the list's own rows, page after page, audited as a list export */
    exportXlsx: pagedExport(audit, ACTIVITIES_EXPORT, list),

    get: presentOne,

    async create(ctx: RequestContext, input: ActivityInput): Promise<Activity> {
      const actor = requireActor(ctx);
      const v = await values(ctx, { themes: [], reportIds: [], ...input }, null);
      const at = nowIso();
      const row = {
        speaker: null,
        partner: null,
        audience_kind: null,
        description: null,
        target: null,
        ...(v as Partial<ActivityValues>),
        bureau_unit_id: actor.bureauUnitId,
        is_demo: 0,
        created_by: actor.personId,
        created_at: at,
        updated_at: at,
      } as ActivityValues;
      const id = await withFacts(ctx, async (trx, record) => {
        const id = await repo.insert(trx, row);
        await record({
          action: 'activity.create',
          objectType: 'activity',
          objectId: id,
          detail: { after: input },
        });
        return [id, await deps.facts.write(trx, id, row)];
      });
      return presentOne(ctx, id);
    },

    async update(ctx: RequestContext, id: number, input: ActivityUpdate): Promise<Activity> {
      const current = await visible(ctx, id);
      if (current.version !== input.version) throw conflict();
      const { version, ...changes } = input;
      const v = await values(ctx, changes, current);
      const at = nowIso();
      await withFacts(ctx, async (trx, record) => {
        if (!(await repo.update(trx, id, version, { ...v, updated_at: at }))) throw conflict();
        await record({
          action: 'activity.update',
          objectType: 'activity',
          objectId: id,
          detail: { changes },
        });
        const { unit_name: _n, unit_order: _o, id: _i, version: _v, ...stored } = current;
        return [null, await deps.facts.write(trx, id, { ...stored, ...v })];
      });
      return presentOne(ctx, id);
    },

    async remove(ctx: RequestContext, id: number) {
      const current = await visible(ctx, id);
      const photos = await repo.photos([id]);
      await withFacts(ctx, async (trx, record) => {
        await repo.remove(trx, id);
        await record({
          action: 'activity.delete',
          objectType: 'activity',
          objectId: id,
          detail: { title: current.title },
        });
        return [null, await deps.facts.remove(trx, id)];
      });
      await deps.photos.store.remove(...photos.map((p) => p.stored_name));
    },

    async addPhotos(ctx: RequestContext, id: number, parts: AsyncIterable<UploadPart>): Promise<Activity> {
      const current = await visible(ctx, id);
      const existing = (await repo.photos([id])).length;
      await deps.photos.take(parts, (accepted) =>
        audit.transact(ctx, async (trx, record) => {
          const at = nowIso();
          for (const [i, a] of accepted.entries())
            await repo.addPhoto(trx, {
              owner_id: id,
              stored_name: a.storedName,
              file_name: a.fileName,
              media_type: a.mediaType,
              size: a.size,
              sha256: a.sha256,
              alt_text: `${current.title}（照片 ${existing + i + 1}）`,
              created_at: at,
            });
          await record({
            action: 'activity.photo.add',
            objectType: 'activity',
            objectId: id,
            detail: { files: accepted.map((a) => ({ name: a.fileName, size: a.size })) },
          });
        }),
      );
      return presentOne(ctx, id);
    },

    async photo(ctx: RequestContext, id: number, photoId: number) {
      await visible(ctx, id);
      const p = await repo.photo(id, photoId);
      const stream = p ? await deps.photos.store.open(p.stored_name) : null;
      if (!p || !stream) throw notFound();
      return { stream, mediaType: p.media_type };
    },
  };
}
export type ActivitiesService = ReturnType<typeof createActivitiesService>;
