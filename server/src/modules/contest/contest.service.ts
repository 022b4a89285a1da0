// The contest's set-up (docs/contest.md): the organiser creates the year's contest with its theme,
// categories, age groups, rubric, quotas and deadlines; schools are registered and works entered (by
// the information centre, or a county officer for the schools of their county) until the entry deadline;
// judges are named with their own school and county. Every change audited in its transaction.
import type { ContestInput, SchoolInput, WorkInput } from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import { ApiError, invalid, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { PhotoIntake } from '../activities/photo-intake.ts';
import type { UploadPart } from '../submissions/evidence-intake.ts';
import type { UnitsService } from '../units/units.service.ts';
import type { ContestFacts } from './contest-facts.ts';
import type { ContestRepo } from './contest.repo.ts';
import { contestRules, presentContest, presentWork } from './contest-present.ts';

export interface ContestDeps {
  repo: ContestRepo;
  audit: AuditService;
  units: UnitsService;
  photos: PhotoIntake;
  facts: ContestFacts;
  people: { exists(id: number, scopePath: string): Promise<boolean> };
  today: () => string;
}

const closed = (zh: string, en: string) => new ApiError('INVALID_TRANSITION', undefined, { zh, en });

export function createContestService(deps: ContestDeps) {
  const { repo, audit, units } = deps;

  async function contest(ctx: RequestContext, id: number) {
    const c = await repo.findContest(id, requireActor(ctx).bureauPath);
    if (!c) throw notFound();
    return c;
  }
  /**
   * Schools and works come in until the entry deadline — also once judging has begun, since assignment
   * fills later works up; once awards are proposed, the field is closed (decision 196).
   */
  async function openForEntries(ctx: RequestContext, id: number) {
    const c = await contest(ctx, id);
    if (c.state !== 'open' && c.state !== 'judging')
      throw closed(
        c.state === 'locked'
          ? '获奖名单已审定锁定，报名与作品提交已结束'
          : '获奖建议已提出，报名与作品提交已结束',
        c.state === 'locked'
          ? 'The awards are locked: entries are closed'
          : 'Awards are proposed: entries are closed',
      );
    if (deps.today() > c.entries_close_on)
      throw closed(
        `报名与作品提交已于 ${c.entries_close_on} 截止`,
        `Entries closed on ${c.entries_close_on}`,
      );
    return c;
  }

  function checkInput(input: ContestInput) {
    for (const [i, c] of input.rubric.entries())
      if (c.min >= c.max)
        throw invalid(`/rubric/${i}/max`, '最高分须大于最低分', 'The maximum must exceed the minimum');
    for (const key of ['categories', 'ageGroups', 'rubric'] as const) {
      const codes = input[key].map((x) => x.code);
      if (new Set(codes).size !== codes.length)
        throw invalid(`/${key}`, '代码不能重复', 'Codes must be unique');
    }
    if (!(input.entriesCloseOn <= input.judgingCloseOn && input.judgingCloseOn <= input.galaOn))
      throw invalid(
        '/judgingCloseOn',
        '截止日期须依次为：作品提交 ≤ 评审 ≤ 颁奖',
        'Entries close, then judging, then the gala',
      );
  }

  async function schools(ctx: RequestContext, id: number) {
    await contest(ctx, id);
    const rows = await repo.schools(id, requireActor(ctx).scopePath);
    return {
      items: rows.map((s) => ({
        id: s.id,
        name: s.name,
        countyUnitId: s.county_unit_id,
        countyName: s.county_name,
        contactTeacher: s.contact_teacher,
        contactPhone: s.contact_phone,
        namesConsent: s.names_consent === 1,
        works: Number(s.works ?? 0),
      })),
    };
  }

  async function work(ctx: RequestContext, id: number, workId: number) {
    const w = await repo.findWork(workId, id, requireActor(ctx).scopePath);
    if (!w) throw notFound();
    return presentWork(w, await repo.photos([w.id]));
  }

  async function judges(ctx: RequestContext, id: number) {
    await contest(ctx, id);
    const rows = await repo.judges(id);
    return {
      items: rows.map((j) => ({
        id: j.id,
        personId: j.person_id,
        name: j.person_name,
        schoolName: j.school_name,
        countyName: j.county_name,
        assigned: Number(j.assigned ?? 0),
        scored: Number(j.scored ?? 0),
      })),
    };
  }

  return {
    contest,

    async list(ctx: RequestContext) {
      return { items: (await repo.listContests(requireActor(ctx).bureauPath)).map(presentContest) };
    },
    get: async (ctx: RequestContext, id: number) => presentContest(await contest(ctx, id)),

    async create(ctx: RequestContext, input: ContestInput) {
      const actor = requireActor(ctx);
      checkInput(input);
      // the unique (bureau, year) constraint stays the last word under a race
      if (
        (await repo.listContests(actor.bureauPath)).some(
          (c) => c.year === input.year && c.bureau_unit_id === actor.bureauUnitId,
        )
      )
        throw new ApiError('DUPLICATE', [
          { field: '/year', message: '该年度的大赛已存在', messageEn: 'This year’s contest exists' },
        ]);
      const id = await audit.transact(ctx, async (trx, record) => {
        const id = await repo.insertContest(trx, {
          bureau_unit_id: actor.bureauUnitId,
          year: input.year,
          title: input.title.trim(),
          theme: input.theme.trim(),
          categories: JSON.stringify(input.categories),
          age_groups: JSON.stringify(input.ageGroups),
          rubric: JSON.stringify(input.rubric),
          quotas: JSON.stringify(input.quotas),
          judges_per_work: input.judgesPerWork,
          entries_close_on: input.entriesCloseOn,
          judging_close_on: input.judgingCloseOn,
          gala_on: input.galaOn,
          state: 'open',
          is_demo: 0,
          created_at: nowIso(),
        });
        await record({
          action: 'contest.create',
          objectType: 'contest',
          objectId: id,
          detail: { after: input },
        });
        return id;
      });
      return presentContest((await contest(ctx, id))!);
    },

    schools,

    async registerSchool(ctx: RequestContext, id: number, input: SchoolInput) {
      await openForEntries(ctx, id);
      const county = await units.getVisible(ctx, input.countyUnitId);
      if (county.kind !== 'countyBureau')
        throw invalid('/countyUnitId', '请选择学校所在的区县（市）', 'Choose the school’s county');
      const schoolId = await audit.transact(ctx, async (trx, record) => {
        if (await repo.findSchoolByName(id, input.name.trim(), trx))
          throw new ApiError('DUPLICATE', [
            { field: '/name', message: '该学校已报名', messageEn: 'This school is registered' },
          ]);
        const schoolId = await repo.insertSchool(trx, {
          contest_id: id,
          name: input.name.trim(),
          county_unit_id: input.countyUnitId,
          contact_teacher: input.contactTeacher.trim(),
          contact_phone: input.contactPhone ?? null,
          names_consent: input.namesConsent ? 1 : 0,
          created_at: nowIso(),
        });
        await record({
          action: 'contest.school.register',
          objectType: 'contestSchool',
          objectId: schoolId,
          detail: { contestId: id, name: input.name },
        });
        return schoolId;
      });
      return (await schools(ctx, id)).items.find((s) => s.id === schoolId)!;
    },

    async works(ctx: RequestContext, id: number) {
      await contest(ctx, id);
      const rows = await repo.works(id, requireActor(ctx).scopePath);
      const photos = await repo.photos(rows.map((r) => r.id));
      return { items: rows.map((w) => presentWork(w, photos)) };
    },

    work,

    async enterWork(ctx: RequestContext, id: number, input: WorkInput) {
      const c = await openForEntries(ctx, id);
      const rules = contestRules(c);
      const school = await repo.findSchool(input.schoolId, id, requireActor(ctx).scopePath);
      if (!school)
        throw invalid('/schoolId', '学校未报名本届大赛', 'The school is not registered for this contest');
      const cat = rules.categories.findIndex((x) => x.code === input.category);
      if (cat < 0) throw invalid('/category', '没有该参赛类别', 'No such category');
      if (!rules.ageGroups.some((x) => x.code === input.ageGroup))
        throw invalid('/ageGroup', '没有该组别', 'No such age group');
      const workId = await deps.facts.withFacts(ctx, async (trx, record) => {
        const n = await repo.nextWorkNumber(trx, id, input.category);
        const code = `${c.year}-${String.fromCharCode(65 + cat)}-${String(n).padStart(3, '0')}`;
        const workId = await repo.insertWork(trx, {
          contest_id: id,
          school_id: school.id,
          code,
          category: input.category,
          age_group: input.ageGroup,
          title: input.title.trim(),
          students: input.students.trim(),
          teacher: input.teacher?.trim() || null,
          description: input.description?.trim() || null,
          created_at: nowIso(),
        });
        await record({
          action: 'contest.work.enter',
          objectType: 'contestWork',
          objectId: workId,
          detail: { contestId: id, code, title: input.title },
        });
        return [workId, await deps.facts.refreshEntries(trx, c)];
      });
      return work(ctx, id, workId);
    },

    async addWorkPhotos(ctx: RequestContext, id: number, workId: number, parts: AsyncIterable<UploadPart>) {
      await openForEntries(ctx, id);
      const w = await repo.findWork(workId, id, requireActor(ctx).scopePath);
      if (!w) throw notFound();
      // a work with its judges does not change under them (decision 196) — checked again in the
      // transaction, so an assignment that lands during the upload wins
      const judged = () =>
        closed(
          `作品 ${w.code} 已分配评委评审，照片不能再更改；如需更正，请联系大赛组织者`,
          `Work ${w.code} is with its judges: its photos cannot change now; ask the organiser`,
        );
      if (Number(w.judges ?? 0) > 0) throw judged();
      await deps.photos.take(parts, (accepted) =>
        audit.transact(ctx, async (trx, record) => {
          const now = await repo.findWork(workId, id, requireActor(ctx).scopePath, trx);
          if (Number(now?.judges ?? 0) > 0) throw judged();
          for (const a of accepted)
            await repo.addPhoto(trx, {
              owner_id: workId,
              stored_name: a.storedName,
              file_name: a.fileName,
              media_type: a.mediaType,
              size: a.size,
              sha256: a.sha256,
              alt_text: `作品《${w.title}》`,
              created_at: nowIso(),
            });
          await record({
            action: 'contest.work.photo',
            objectType: 'contestWork',
            objectId: workId,
            detail: { files: accepted.map((a) => a.fileName) },
          });
        }),
      );
      return work(ctx, id, workId);
    },

    /** A photo of a work the actor may see (organiser, or the county officer of its school). */
    async workPhoto(ctx: RequestContext, id: number, workId: number, photoId: number) {
      const w = await repo.findWork(workId, id, requireActor(ctx).scopePath);
      const p = w ? await repo.photo(photoId) : undefined;
      const stream = p && p.owner_id === workId ? await deps.photos.store.open(p.stored_name) : null;
      if (!p || !stream) throw notFound();
      return { stream, mediaType: p.media_type };
    },

    judges,

    async addJudge(
      ctx: RequestContext,
      id: number,
      input: { personId: number; schoolId?: number | null; countyUnitId?: number | null },
    ) {
      const c = await contest(ctx, id);
      if (c.state === 'proposed' || c.state === 'locked') throw closed('评审已结束', 'Judging is over');
      const scope = requireActor(ctx).scopePath;
      if (!(await deps.people.exists(input.personId, scope)))
        throw invalid('/personId', '人员不存在', 'No such person');
      if (input.schoolId && !(await repo.findSchool(input.schoolId, id, scope)))
        throw invalid('/schoolId', '学校未报名本届大赛', 'The school is not registered');
      if (input.countyUnitId) await units.getVisible(ctx, input.countyUnitId);
      await audit.transact(ctx, async (trx, record) => {
        if ((await repo.judges(id, trx)).some((j) => j.person_id === input.personId))
          throw new ApiError('DUPLICATE', [
            { field: '/personId', message: '已是本届评委', messageEn: 'Already a judge' },
          ]);
        const judgeId = await repo.insertJudge(trx, {
          contest_id: id,
          person_id: input.personId,
          school_id: input.schoolId ?? null,
          county_unit_id: input.countyUnitId ?? null,
          created_at: nowIso(),
        });
        await record({
          action: 'contest.judge.add',
          objectType: 'contest',
          objectId: id,
          detail: { judgeId, ...input },
        });
      });
      return judges(ctx, id);
    },
  };
}
export type ContestService = ReturnType<typeof createContestService>;
