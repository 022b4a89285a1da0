// The online-commentator team's tasks (issue 14 item 8, decision 207): an article or topic to comment on
// within a period, set by a unit for its own commentators and those of the units below it. A post names
// the task it completes; a task's completion lists every commentator it applies to (in the reader's
// scope) with their posts for it. Tasks write no facts (decision 155): the 2018 plan scores none. Their
// create / update / delete is the media-work registers' one (media-register.ts), with the difference a
// task has: it is seen below the unit that set it and changed only inside that unit's scope.
import {
  checkAccountLink,
  type CommentatorTask,
  type CommentatorTaskCompletion,
  type CommentatorTaskInput,
  type WorkListQuery,
} from '@greenvoice/common';
import { invalid } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { MediaRegisters, Partialish } from './media-register.ts';
import type { MediaWorkRepo } from './media-work.repo.ts';

type TaskRow = NonNullable<Awaited<ReturnType<MediaWorkRepo['findTask']>>>;
type Team = Awaited<ReturnType<MediaWorkRepo['taskTeam']>>;
const under = (path: string, top: string) => path.startsWith(top);

function completion(t: TaskRow, team: Team) {
  const people = team.people.filter((p) => under(p.unit_path, t.unit_path));
  const mine = team.posts.filter((p) => p.task_id === t.id);
  const rows = people
    .map((p) => {
      const days = mine
        .filter((x) => x.commentator_id === p.id)
        .map((x) => x.posted_on)
        .sort();
      return {
        commentatorId: p.id,
        name: p.name,
        unitName: p.unit_name,
        active: p.active === 1,
        posts: days.length,
        firstOn: days[0] ?? null,
      };
    })
    // a member who left stays listed only when they did the task
    .filter((r) => r.active || r.posts > 0);
  return rows;
}

function present(t: TaskRow, team: Team, scopePath: string): CommentatorTask {
  const rows = completion(t, team);
  return {
    id: t.id,
    unitId: t.unit_id,
    unitName: t.unit_name,
    version: t.version,
    title: t.title,
    link: t.link,
    startsOn: t.starts_on,
    endsOn: t.ends_on,
    done: rows.filter((r) => r.posts > 0).length,
    assigned: rows.filter((r) => r.active).length,
    editable: under(t.unit_path, scopePath),
  };
}

export function createCommentatorTasks(deps: { repo: MediaWorkRepo; register: MediaRegisters['register'] }) {
  const { repo } = deps;

  function values(input: Partial<CommentatorTaskInput>, current: TaskRow | null) {
    let link: string | null | undefined = input.link === undefined ? undefined : input.link?.trim() || null;
    if (link) {
      const checked = checkAccountLink(link);
      if (!checked.ok) throw invalid('/link', checked.zh, checked.en);
      link = checked.url;
    }
    const starts = input.startsOn ?? current?.starts_on;
    const ends = input.endsOn ?? current?.ends_on;
    if (starts && ends && ends < starts)
      throw invalid('/endsOn', '结束日期早于开始日期', 'The task ends before it starts');
    return Object.fromEntries(
      Object.entries({
        unit_id: input.unitId,
        title: input.title?.trim(),
        link,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
      }).filter(([, v]) => v !== undefined),
    );
  }
  const rows = deps.register<TaskRow, CommentatorTaskInput>({
    table: 'media_commentator_tasks',
    kind: 'commentatorTask',
    objectType: 'mediaCommentatorTask',
    // seen from the setter's units and below; changed only inside the setter's scope
    find: (id, scopePath, trx) => repo.findTask(id, scopePath, trx),
    findOwn: (id, scopePath) => repo.findOwnTask(id, scopePath),
    values: async (input, current) => values(input, current),
  });
  const presented = async (ctx: RequestContext, t: TaskRow) => {
    const scopePath = requireActor(ctx).scopePath;
    return present(t, await repo.taskTeam(scopePath, [t.id]), scopePath);
  };

  return {
    async list(ctx: RequestContext, q: WorkListQuery) {
      const scopePath = requireActor(ctx).scopePath;
      const p = { page: q.page ?? 1, pageSize: q.pageSize ?? 20 };
      const { items, total } = await repo.listTasks({ scopePath, ...(q.year ? { year: q.year } : {}) }, p);
      const team = await repo.taskTeam(
        scopePath,
        items.map((t) => t.id),
      );
      return { items: items.map((t) => present(t, team, scopePath)), total, ...p };
    },
    async completion(ctx: RequestContext, id: number): Promise<CommentatorTaskCompletion> {
      const scopePath = requireActor(ctx).scopePath;
      const t = await rows.visible(ctx, id);
      const team = await repo.taskTeam(scopePath, [t.id]);
      return { task: present(t, team, scopePath), rows: completion(t, team) };
    },
    create: async (ctx: RequestContext, input: CommentatorTaskInput) =>
      presented(ctx, await rows.create(ctx, input)),
    update: async (ctx: RequestContext, id: number, input: Partialish<CommentatorTaskInput>) =>
      presented(ctx, await rows.update(ctx, id, input)),
    remove: rows.remove,
    /**
     * The task a post completes, checked: visible to the reader, applying to the commentator's unit (set
     * by it or a unit above it), and the post's day within the task's period.
     */
    async forPost(ctx: RequestContext, taskId: number, commentatorUnitPath: string, postedOn: string) {
      const t = await repo.findTask(taskId, requireActor(ctx).scopePath);
      if (!t || !under(commentatorUnitPath, t.unit_path))
        throw invalid(
          '/taskId',
          '该网评员不承担这项任务',
          'This task is not set for this commentator’s unit',
        );
      if (postedOn < t.starts_on || postedOn > t.ends_on)
        throw invalid(
          '/postedOn',
          `日期不在任务期间（${t.starts_on} 至 ${t.ends_on}）内`,
          `The day is outside the task’s period (${t.starts_on} to ${t.ends_on})`,
        );
      return t.id;
    },
  };
}
export type CommentatorTasks = ReturnType<typeof createCommentatorTasks>;
