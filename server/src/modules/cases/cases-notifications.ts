// The cases module's to-dos and reminders through the notification service (decision 120): the
// handler's queue counts that need them, and a reminder before a limit and once it is overdue — to the
// county bureau holding the case, otherwise to the receiving bureau's handlers. No reminder names the
// reporter or quotes the case.
import { REMIND_DAYS_BEFORE, addDays, chinaDate } from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import type { NotificationsServiceImpl, Todo } from '../notifications/notifications.service.ts';
import { contextOf } from '../notifications/todo-providers.ts';
import type { CasesRepo } from './cases.repo.ts';
import type { CasesService } from './cases.service.ts';

export function registerCasesNotifications(s: {
  notifications: NotificationsServiceImpl;
  cases: CasesService;
  repo: CasesRepo;
  today?: () => string;
}) {
  const today = s.today ?? (() => chinaDate(nowIso()));
  const count = async (actor: Actor, q: Parameters<CasesService['queue']>[1]) =>
    (await s.cases.queue(contextOf(actor), { ...q, page: 1, pageSize: 1 })).total;
  const todo = (kind: string, n: number, zh: string, en: string, link: string): Todo => ({
    kind,
    count: n,
    title: { zh, en },
    link,
  });

  s.notifications.registerTodoProvider({
    name: 'cases',
    async todos(actor) {
      const out: Todo[] = [];
      if (actor.permissions.has('cases:handle')) {
        const county = await s.repo.countyOf(actor.unitPath);
        if (county)
          out.push(
            todo(
              'cases.assigned',
              await count(actor, { status: 'assigned' }),
              '转办待处理的案件',
              'Cases assigned to your bureau',
              '/cases?status=assigned',
            ),
          );
        else
          out.push(
            todo(
              'cases.received',
              await count(actor, { status: 'received' }),
              '待受理的群众来件',
              'New cases to accept or answer',
              '/cases?status=received',
            ),
            todo(
              'cases.countyReplied',
              await count(actor, { status: 'countyReplied' }),
              '区县已报送、待审核答复',
              'County results to review',
              '/cases?status=countyReplied',
            ),
            todo(
              'cases.overdue',
              await count(actor, { timeliness: 'overdue' }),
              '已超期的案件',
              'Overdue cases',
              '/cases?timeliness=overdue',
            ),
          );
      }
      if (actor.permissions.has('cases:approveExtension'))
        out.push(
          todo(
            'cases.extension',
            await count(actor, { extension: 'requested' }),
            '待审批的延期申请',
            'Extensions to approve',
            '/cases?extension=requested',
          ),
        );
      return out;
    },
  });

  s.notifications.registerReminderRule({
    name: 'cases.due',
    async run(day = today()) {
      const due = await s.repo.dueBy(addDays(day, REMIND_DAYS_BEFORE));
      const paths = new Map<number, number[]>();
      const drafts = [];
      for (const c of due) {
        let to: { unitIds: number[]; roles: ['reportHandler'] };
        if (c.assigned_unit_id !== null && c.status === 'assigned')
          to = { unitIds: [c.assigned_unit_id], roles: ['reportHandler'] };
        else {
          if (!paths.has(c.bureau_unit_id)) {
            const path = await s.repo.unitPath(c.bureau_unit_id);
            paths.set(c.bureau_unit_id, path ? await s.repo.receivingUnits(path) : []);
          }
          to = { unitIds: paths.get(c.bureau_unit_id)!, roles: ['reportHandler'] };
        }
        const overdue = c.due_on! < day;
        drafts.push({
          bureauUnitId: c.bureau_unit_id,
          to,
          kind: overdue ? 'cases.overdue' : 'cases.due',
          title: overdue
            ? {
                zh: `案件 ${c.tracking_number} 已超过办理期限（${c.due_on}）`,
                en: `Case ${c.tracking_number} is past its limit (${c.due_on})`,
              }
            : {
                zh: `案件 ${c.tracking_number} 将于 ${c.due_on} 到期`,
                en: `Case ${c.tracking_number} is due on ${c.due_on}`,
              },
          link: `/cases/${c.id}`,
          dedupeKey: `${overdue ? 'cases.overdue' : 'cases.due'}:${c.id}:${c.status}:${c.due_on}`,
        });
      }
      return drafts;
    },
  });
}
