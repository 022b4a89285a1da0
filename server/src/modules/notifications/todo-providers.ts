// The to-dos of the existing modules (decision 120): each asks the owning module's service the question
// its own list page answers, so a count on the home page is exactly what the link opens. A provider
// answers only for the permissions it concerns; the service gathers them (GET /api/v1/todos).
import { chinaDate } from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import type { PlansService } from '../assessment/plans.service.ts';
import type { BulletinsService } from '../bulletins/bulletins.service.ts';
import type { CampaignService } from '../campaign/campaign.service.ts';
import type { DischargersService } from '../dischargers/dischargers.service.ts';
import type { InterviewsService } from '../interviews/interviews.service.ts';
import type { SubmissionsService } from '../submissions/submissions.service.ts';
import type { NotificationsServiceImpl, Todo } from './notifications.service.ts';

export interface TodoSources {
  notifications: NotificationsServiceImpl;
  submissions: Pick<SubmissionsService, 'list'>;
  campaigns: Pick<CampaignService, 'list' | 'board'>;
  plans: Pick<PlansService, 'list'>;
  bulletins: Pick<BulletinsService, 'list'>;
  interviews: Pick<InterviewsService, 'list'>;
  dischargers: Pick<DischargersService, 'overdue'>;
  today?: () => string;
}

/** The actor's request, for asking another module's service on their behalf (nothing is written). */
export const contextOf = (actor: Actor): RequestContext => ({
  actor,
  requestId: `todos:${actor.personId}`,
  clientIp: 'todos',
  userAgent: 'todos',
  audited: false,
});

export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const todo = (kind: string, count: number, zh: string, en: string, link: string): Todo => ({
  kind,
  count,
  title: { zh, en },
  link,
});

export function registerTodoProviders(s: TodoSources) {
  const today = s.today ?? (() => chinaDate(nowIso()));
  const count = async (actor: Actor, query: Parameters<SubmissionsService['list']>[1]) =>
    (await s.submissions.list(contextOf(actor), { ...query, page: 1, pageSize: 1 })).total;
  /** the bureau's newest plan: the one whose bulletins and interview list are current */
  const currentPlan = async (ctx: RequestContext) =>
    (await s.plans.list(ctx)).items.sort((a, b) => b.year - a.year || b.id - a.id)[0];

  s.notifications.registerTodoProvider({
    name: 'submissions.officer',
    async todos(actor) {
      if (!actor.permissions.has('submissions:write')) return [];
      const [returned, drafts] = await Promise.all([
        count(actor, { status: 'returned' }),
        count(actor, { status: 'draft' }),
      ]);
      return [
        todo(
          'submissions.returned',
          returned,
          '退回待修改的稿件',
          'Pieces returned for correction',
          '/submissions?status=returned',
        ),
        todo(
          'submissions.drafts',
          drafts,
          '未提交的草稿',
          'Drafts not yet submitted',
          '/submissions?status=draft',
        ),
      ];
    },
  });

  s.notifications.registerTodoProvider({
    name: 'submissions.reviewer',
    async todos(actor) {
      if (!actor.permissions.has('submissions:review')) return [];
      const [queue, duplicates] = await Promise.all([
        count(actor, { status: 'awaitingReview' }),
        count(actor, { status: 'awaitingReview', duplicatesOnly: true }),
      ]);
      return [
        todo('submissions.queue', queue, '待审核的稿件', 'Pieces awaiting review', '/review'),
        todo(
          'submissions.duplicates',
          duplicates,
          '疑似重复的待审稿件',
          'Possible duplicates awaiting review',
          '/review?duplicatesOnly=1',
        ),
      ];
    },
  });

  s.notifications.registerTodoProvider({
    name: 'campaign',
    async todos(actor) {
      const ctx = contextOf(actor);
      const { campaignDaysBefore } = await s.notifications.reminderSettings(actor.bureauUnitId);
      const day = today();
      const campaigns = (await s.campaigns.list(ctx)).items;
      const out: Todo[] = [];
      if (actor.scope === 'unit' && actor.roles.some((r) => r === 'officer' || r === 'deputyLeader')) {
        // the own unit's contact registration, deadline within the reminder window, not yet complete
        let due = 0;
        for (const c of campaigns.filter(
          (c) => c.deadline >= day && c.deadline <= addDays(day, campaignDaysBefore),
        ))
          if ((await s.campaigns.board(ctx, c.id)).rows.some((r) => r.status === 'pending')) due += 1;
        out.push(
          todo(
            'campaign.deadline',
            due,
            '即将截止的联络员报名',
            'Contact registration due soon',
            '/campaign',
          ),
        );
      }
      if (actor.permissions.has('campaign:write') && campaigns[0]) {
        const { summary } = await s.campaigns.board(ctx, campaigns[0].id);
        out.push(
          todo(
            'campaign.missing',
            summary.pending + summary.overdue,
            '尚未报齐联络员的单位',
            'Units without named contacts',
            '/campaign',
          ),
        );
      }
      return out;
    },
  });

  s.notifications.registerTodoProvider({
    name: 'assessment.leadership',
    async todos(actor) {
      const ctx = contextOf(actor);
      const out: Todo[] = [];
      const approves = actor.permissions.has('bulletins:approve');
      const confirms = actor.permissions.has('interviews:confirm');
      if (!approves && !confirms) return out;
      const plan = await currentPlan(ctx);
      if (!plan) return out;
      if (approves) {
        const pending = (await s.bulletins.list(ctx, plan.id)).items.filter((b) => b.status === 'pending');
        out.push(
          todo(
            'bulletins.approve',
            pending.length,
            '待签发的通报',
            'Bulletins to approve',
            '/assessment/bulletins',
          ),
        );
      }
      if (confirms) {
        const list = await s.interviews.list(ctx, plan.id);
        const open = list.candidates.filter((c) => c.interviewId === null).length;
        out.push(
          todo(
            'interviews.confirm',
            open,
            '待确认的约谈名单',
            'Interview list to confirm',
            '/assessment/interviews',
          ),
        );
      }
      return out;
    },
  });

  s.notifications.registerTodoProvider({
    name: 'dischargers',
    async todos(actor) {
      if (!actor.permissions.has('environment:write')) return [];
      const { items } = await s.dischargers.overdue(contextOf(actor), { asOf: today(), includeLate: false });
      return [
        todo(
          'disclosures.overdue',
          items.length,
          '逾期未披露的企业环境信息',
          'Overdue disclosures of key discharging units',
          '/environment/overdue',
        ),
      ];
    },
  });
}
