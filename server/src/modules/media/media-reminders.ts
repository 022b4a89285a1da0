// The matrix's reminders and to-dos through the notification service (decision 120): every day, the
// facts of spells still running are brought up to date, silent and broken accounts are told to their
// unit (officer and deputy leader) and to the information centre (administrators), and units without a
// WeChat official account are reminded 30, 7 and 1 days before the plan's opening deadline — a run after
// days the job missed sends the most urgent reminder it missed (decision 211; docs/new-media.md). Dedupe
// keys make each notice go once.
import {
  ACCOUNT_FLAG_LABELS,
  MEDIA_PLATFORM_LABELS,
  openingReminderDue,
  type PlanDocument,
} from '@greenvoice/common';
import type { DB } from '../../db/database.ts';
import type { ScoresHandOff } from '../assessment/scoring.service.ts';
import type { ScoresRepo } from '../assessment/scores.repo.ts';
import { mergeFactsChanges } from '../facts/facts.repo.ts';
import type { NotificationDraft, NotificationsService } from '../notifications/notifications.service.ts';
import { deadlineItem } from './media-board.service.ts';
import type { MediaFacts } from './media-facts.ts';
import type { MediaRepo } from './media.repo.ts';
import { accountsOn } from './accounts-on.ts';

export function registerMediaReminders(deps: {
  db: DB;
  notifications: Pick<NotificationsService, 'registerReminderRule' | 'registerTodoProvider'>;
  repo: MediaRepo;
  facts: MediaFacts;
  plans: ScoresRepo;
  scores: ScoresHandOff;
  today: () => string;
}) {
  const { repo, notifications } = deps;

  notifications.registerReminderRule({
    name: 'media.accounts',
    async run(today) {
      const presented = await accountsOn(repo, '/', today);
      const accounts = presented.map((x) => x.row);
      // spells still running grow every day: their facts (and so block C) follow
      const changes = await deps.db.transaction().execute(async (trx) => {
        const c = await deps.facts.refreshUnits(
          trx,
          accounts.map((a) => a.unit_id),
          today,
        );
        for (const m of mergeFactsChanges(c)) await deps.scores.markStale(trx, m);
        return c;
      });
      await deps.scores.afterCommit(mergeFactsChanges(changes));
      const drafts: NotificationDraft[] = [];
      for (const { row: a, account: p } of presented) {
        const label = `${MEDIA_PLATFORM_LABELS[a.platform].zh}「${a.name}」`;
        for (const flag of p.flags) {
          if (flag === 'notFiled') continue;
          const since = flag === 'silent' ? p.spell!.from : (a.stopped_on ?? a.updated_at.slice(0, 10));
          const what = ACCOUNT_FLAG_LABELS[flag];
          const body =
            flag === 'silent'
              ? {
                  zh: `${label}自 ${since} 起已 ${p.spell!.days} 天未更新（国办新媒体检查单项否决）`,
                  en: `${a.name}: no post for ${p.spell!.days} days since ${since}`,
                }
              : { zh: `${label}：${what.zh}`, en: `${a.name}: ${what.en}` };
          const audiences: Array<[string, NotificationDraft['to']]> = [
            ['unit', { unitIds: [a.unit_id], roles: ['officer', 'deputyLeader'] }],
            ['centre', { roles: ['admin'] }],
          ];
          for (const [who, to] of audiences)
            drafts.push({
              bureauUnitId: a.bureau_unit_id,
              to,
              kind: `media.${flag}`,
              title: {
                zh: `新媒体账号${what.zh}：${a.name}（${a.unit_name}）`,
                en: `New-media account — ${what.en}: ${a.name}`,
              },
              body,
              link: `/media/accounts/${a.id}`,
              dedupeKey: `media.${flag}:${a.id}:${since}:${who}`,
            });
        }
      }
      // the opening deadline of this year's plans
      const year = Number(today.slice(0, 4));
      for (const planRow of await deps.plans.plans().where('assessment_plans.year', '=', year).execute()) {
        const doc = JSON.parse(planRow.document) as PlanDocument;
        const found = deadlineItem(doc);
        if (!found) continue;
        // the most urgent threshold reached and not yet sent for this deadline: one reminder, once
        const reminder = openingReminderDue(found.due, today);
        if (!reminder) continue;
        const left = reminder.daysLeft;
        const kinds = doc.groups
          .filter((g) => !(found.item.notApplicableTo ?? []).includes(g.code))
          .flatMap((g) => g.unitKinds);
        const opened = new Set(
          accounts
            .filter((a) => a.platform === 'wechatOfficial' && a.opened_on && a.opened_on <= today)
            .map((a) => a.unit_id),
        );
        for (const u of await deps.plans.unitsOf(planRow, kinds))
          if (!opened.has(u.id))
            drafts.push({
              bureauUnitId: planRow.owner_unit_id,
              to: { unitIds: [u.id], roles: ['officer', 'deputyLeader'] },
              kind: 'media.openingDeadline',
              title:
                left > 0
                  ? {
                      zh: `距微信公众号开通期限（${found.due}）还有 ${left} 天`,
                      en: `${left} day${left > 1 ? 's' : ''} left to open a WeChat official account (by ${found.due})`,
                    }
                  : {
                      zh: `今天是微信公众号开通期限（${found.due}）`,
                      en: `Today is the deadline to open a WeChat official account (${found.due})`,
                    },
              body: {
                zh: `${u.name}尚未在新媒体台账登记已开通的微信公众号。`,
                en: `${u.name} has no opened WeChat official account in the registry yet.`,
              },
              link: '/media/board',
              // the sent-marker: per plan, unit, deadline and threshold (a moved deadline is reminded anew)
              dedupeKey: `media.opening:${planRow.id}:${u.id}:${found.due}:${reminder.threshold}`,
            });
      }
      return drafts;
    },
  });

  notifications.registerTodoProvider({
    name: 'media',
    async todos(actor) {
      if (!actor.permissions.has('media:write')) return [];
      const accounts = await accountsOn(repo, actor.scopePath, deps.today());
      const flagged = accounts.filter(({ account }) => account.flags.some((f) => f !== 'notFiled')).length;
      return [
        {
          kind: 'media.flagged',
          count: flagged,
          title: {
            zh: '需处理的新媒体账号（停更、互动失效、未注销）',
            en: 'New-media accounts to deal with (silent, broken, not deregistered)',
          },
          link: '/media/board',
        },
      ];
    },
  });
}
