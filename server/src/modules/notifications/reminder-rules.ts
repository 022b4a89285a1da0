// The daily reminder rules of the existing modules (decision 120), registered with the notification
// service and run by the reminders job. Each asks the owning module's service as the bureau would (a
// system actor scoped to the bureau's tree: it reads, never writes) and answers drafts whose dedupe keys
// make a rule remind each thing once — or, for the review queue, once a day while it is late.
import { chinaDate, PERMISSIONS, type Permission } from '@greenvoice/common';
import type { DB } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { bureauUnits } from '../units/units.repo.ts';
import type { NotificationDraft } from './notifications.service.ts';
import { addDays, contextOf, type TodoSources } from './todo-providers.ts';

/** The bureau as a reader of its own tree: what a reminder rule asks the modules with. */
export function bureauReader(b: { id: number; path: string; name: string }): Actor {
  return {
    personId: 0,
    name: '系统提醒 reminders',
    username: 'reminders',
    unitId: b.id,
    unitName: b.name,
    unitPath: b.path,
    scopePath: b.path,
    scope: 'bureau',
    bureauUnitId: b.id,
    bureauPath: b.path,
    roles: [],
    permissions: new Set<Permission>(
      PERMISSIONS.filter((p) => p.endsWith(':read') || p === 'bulletins:approve'),
    ),
    mustChangePassword: false,
    totpEnabled: false,
    mustEnrolTotp: false,
    sessionId: 'reminders',
    sessionExpiresAt: '',
  };
}

const daysBetween = (fromIso: string, to: string) =>
  Math.floor((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${chinaDate(fromIso)}T00:00:00Z`)) / 86_400_000);

export function registerReminderRules(db: DB, s: TodoSources) {
  const perBureau = (name: string, run: (actor: Actor, today: string) => Promise<NotificationDraft[]>) =>
    s.notifications.registerReminderRule({
      name,
      async run(today) {
        const out: NotificationDraft[] = [];
        for (const b of await bureauUnits(db)) out.push(...(await run(bureauReader(b), today)));
        return out;
      },
    });
  const all = async (actor: Actor, status: 'returned' | 'awaitingReview') => {
    const items = [];
    for (let page = 1; ; page++) {
      const r = await s.submissions.list(contextOf(actor), { status, page, pageSize: 100 });
      items.push(...r.items);
      if (items.length >= r.total || r.items.length === 0) return items;
    }
  };

  perBureau('campaign.deadline', async (actor, today) => {
    const { campaignDaysBefore } = await s.notifications.reminderSettings(actor.bureauUnitId);
    const ctx = contextOf(actor);
    const out: NotificationDraft[] = [];
    for (const c of (await s.campaigns.list(ctx)).items) {
      if (c.deadline < today || c.deadline > addDays(today, campaignDaysBefore)) continue;
      const pending = (await s.campaigns.board(ctx, c.id)).rows.filter((r) => r.status === 'pending');
      for (const r of pending)
        out.push({
          bureauUnitId: actor.bureauUnitId,
          to: { unitIds: [r.unitId] },
          kind: 'campaign.deadline',
          title: {
            zh: `请在 ${c.deadline} 前登记本单位的分管领导和信息员（${c.title}）`,
            en: `Name your unit’s deputy leader and information officer by ${c.deadline} (${c.title})`,
          },
          link: '/campaign',
          dedupeKey: `reminder.campaign:${c.id}:${r.unitId}`,
        });
      if (pending.length)
        out.push({
          bureauUnitId: actor.bureauUnitId,
          to: { roles: ['admin'] },
          kind: 'campaign.deadline',
          title: {
            zh: `${pending.length} 个单位尚未登记联络人，${c.deadline} 截止`,
            en: `${pending.length} units have not named contacts; the deadline is ${c.deadline}`,
          },
          link: '/campaign',
          dedupeKey: `reminder.campaign:${c.id}:admins`,
        });
    }
    return out;
  });

  perBureau('submissions.returned', async (actor, today) => {
    const { returnedDays } = await s.notifications.reminderSettings(actor.bureauUnitId);
    return (await all(actor, 'returned'))
      .filter((p) => p.reviewedAt && daysBetween(p.reviewedAt, today) >= returnedDays)
      .map((p) => ({
        bureauUnitId: actor.bureauUnitId,
        to: { unitIds: [p.unitId], roles: ['officer'] },
        kind: 'submissions.returnedWaiting',
        title: {
          zh: `退回的稿件已 ${returnedDays} 天未重新提交：${p.title}`,
          en: `Returned ${returnedDays}+ days ago and not resubmitted: ${p.title}`,
        },
        link: `/submissions/${p.id}`,
        dedupeKey: `reminder.returned:${p.id}:v${p.version}`,
      }));
  });

  perBureau('submissions.reviewQueue', async (actor, today) => {
    const { reviewQueueDays } = await s.notifications.reminderSettings(actor.bureauUnitId);
    const late = (await all(actor, 'awaitingReview')).filter(
      (p) => p.submittedAt && daysBetween(p.submittedAt, today) >= reviewQueueDays,
    );
    if (late.length === 0) return [];
    return [
      {
        bureauUnitId: actor.bureauUnitId,
        to: { roles: ['reviewer'] },
        kind: 'submissions.reviewQueue',
        title: {
          zh: `${late.length} 篇稿件等待审核已超过 ${reviewQueueDays} 天`,
          en: `${late.length} pieces have waited for review more than ${reviewQueueDays} days`,
        },
        link: '/review',
        dedupeKey: `reminder.reviewQueue:${today}`,
      },
    ];
  });

  perBureau('bulletins.approval', async (actor, today) => {
    const { approvalDays } = await s.notifications.reminderSettings(actor.bureauUnitId);
    const ctx = contextOf(actor);
    const out: NotificationDraft[] = [];
    for (const plan of (await s.plans.list(ctx)).items.filter((p) => p.ownerUnitId === actor.bureauUnitId))
      for (const b of (await s.bulletins.list(ctx, plan.id)).items)
        if (b.status === 'pending' && daysBetween(b.createdAt, today) >= approvalDays)
          out.push({
            bureauUnitId: actor.bureauUnitId,
            to: { roles: ['leadership'] },
            kind: 'bulletins.approval',
            title: { zh: `通报待签发：${b.title}`, en: `Bulletin awaiting approval: ${b.title}` },
            link: '/assessment/bulletins',
            dedupeKey: `reminder.bulletin:${b.id}:v${b.version}`,
          });
    return out;
  });

  perBureau('disclosures.deadline', async (actor, today) => {
    const { disclosureDaysBefore } = await s.notifications.reminderSettings(actor.bureauUnitId);
    // what is overdue by the end of the window and was not (or only just became) overdue
    const { items } = await s.dischargers.overdue(contextOf(actor), {
      asOf: addDays(today, disclosureDaysBefore),
      includeLate: false,
    });
    return items
      .filter((o) => o.dueOn >= addDays(today, -disclosureDaysBefore))
      .map((o) => {
        const due = o.dueOn >= today;
        return {
          bureauUnitId: actor.bureauUnitId,
          to: { roles: ['admin'] },
          kind: due ? 'disclosures.due' : 'disclosures.overdue',
          title: due
            ? {
                zh: `${o.dischargerName}「${o.title}」应于 ${o.dueOn} 前披露`,
                en: `${o.dischargerName}: “${o.title}” is due by ${o.dueOn}`,
              }
            : {
                zh: `${o.dischargerName}「${o.title}」已逾期未披露（${o.dueOn} 截止）`,
                en: `${o.dischargerName}: “${o.title}” is overdue (due ${o.dueOn})`,
              },
          link: '/environment/overdue',
          dedupeKey: `reminder.disclosure:${o.dischargerId}:${o.kind}:${o.year ?? o.disclosureId}:${due ? 'due' : 'overdue'}`,
        };
      });
  });
}
