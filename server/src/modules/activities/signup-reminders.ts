// The reminder the day before an event (docs/activities.md "Reminders"; decision 194): each confirmed
// sign-up that left a mobile number or an e-mail is told the event's time, place and its confirmation
// code, by the organising bureau's SMS and e-mail channels — run by the daily reminders job through the
// notification service; the dedupe key makes it go once per sign-up.
import { chinaDateTime, chinaDayEnd, chinaDayStart } from '@greenvoice/common';
import type { NotificationDraft, NotificationsService } from '../notifications/notifications.service.ts';
import { addDays } from '../notifications/todo-providers.ts';
import type { SignupsRepo } from './signups.repo.ts';

export function registerSignupReminders(deps: {
  notifications: Pick<NotificationsService, 'registerReminderRule'>;
  repo: Pick<SignupsRepo, 'toRemind'>;
}) {
  deps.notifications.registerReminderRule({
    name: 'signups.dayBefore',
    async run(today) {
      const tomorrow = addDays(today, 1);
      const rows = await deps.repo.toRemind(chinaDayStart(tomorrow), chinaDayEnd(tomorrow));
      return rows.map((r): NotificationDraft => ({
        bureauUnitId: r.bureau_unit_id,
        to: { outside: { name: r.name, mobile: r.mobile, email: r.email } },
        kind: 'signups.dayBefore',
        title: {
          zh: `活动提醒：${r.title}，${chinaDateTime(r.starts_at)}，${r.place}`,
          en: `Reminder: ${r.title}, ${chinaDateTime(r.starts_at)} (China time), ${r.place}`,
        },
        body: {
          zh: `${r.name}，您报名的活动明天举行（${r.group_size} 人），确认码 ${r.code}。不能参加请凭确认码在网站取消。`,
          en: `${r.name}: your event is tomorrow (${r.group_size} people), confirmation code ${r.code}. If you cannot come, cancel with the code on the website.`,
        },
        dedupeKey: `reminder.signup:${r.id}`,
      }));
    },
  });
}
