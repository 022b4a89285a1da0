// The one notification service every module calls (decision 120). `notify` runs inside the caller's
// transaction: the notification, its recipients' inbox rows and the delivery outbox rows commit with the
// change that caused them, or not at all; a dedupe key the bureau has already used notifies nobody again.
// Nothing is sent here: the deliveries job (delivery-worker.ts) sends the outbox later, so a robot that
// answers 500 or never answers cannot slow or fail the request. To-do providers and reminder rules are
// registered by the modules that know the work (todo-providers.ts, reminder-rules.ts).
import {
  DEFAULT_REMINDER_SETTINGS,
  GROUP_DELIVERY_CHANNELS,
  type ReminderSettings,
  type Inbox,
  type InboxQuery,
  type Role,
  type TodoList,
} from '@greenvoice/common';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import { nowIso } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { notFound } from '../../http/api-error.ts';
import { requireActor, type Actor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { notificationRecipients } from '../people/people.repo.ts';
import { bureauUnits } from '../units/units.repo.ts';
import type { NotificationsRepo } from './notifications.repo.ts';

export interface NotificationDraft {
  /** the bureau whose people are told */
  bureauUnitId: number;
  /**
   * unitIds+roles = holders of those roles in those units; `outside`: someone who is no person of the
   * installation (a member of the public who signed up), reached only by the bureau's SMS and e-mail
   * channels — never its group robots, and no inbox (decision 194)
   */
  to: {
    personIds?: number[];
    unitIds?: number[];
    roles?: Role[];
    outside?: { name: string; mobile: string | null; email: string | null };
  };
  /** 'module.what', e.g. 'cases.due', 'media.silentAccount' */
  kind: string;
  title: { zh: string; en: string };
  body?: { zh: string; en: string };
  /** console path, e.g. '/cases/12' */
  link?: string;
  /** the same key never notifies twice (per bureau) */
  dedupeKey: string;
}
export interface Todo {
  kind: string;
  count: number;
  title: { zh: string; en: string };
  link: string;
}
export interface TodoProvider {
  name: string;
  todos(actor: Actor): Promise<Todo[]>;
}
export interface ReminderRule {
  name: string;
  run(today: string): Promise<NotificationDraft[]>;
}
export interface NotificationsService {
  /** inside the caller's transaction; true when the notification is new (false: the key was used) */
  notify(trx: Transaction<Database>, n: NotificationDraft): Promise<boolean>;
  registerTodoProvider(p: TodoProvider): void;
  registerReminderRule(r: ReminderRule): void;
}

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

export function createNotificationsService(deps: {
  db: DB;
  repo: NotificationsRepo;
  audit: AuditService;
  log: { error(o: object, m: string): void };
}) {
  const { db, repo, audit, log } = deps;
  const providers = new Map<string, TodoProvider>();
  const rules = new Map<string, ReminderRule>();

  async function notify(trx: Transaction<Database>, n: NotificationDraft): Promise<boolean> {
    if (!n.dedupeKey || !n.kind) throw new Error('a notification needs a kind and a dedupe key');
    const at = nowIso();
    const id = await repo.insertOnce(trx, {
      bureau_unit_id: n.bureauUnitId,
      kind: clip(n.kind, 100),
      title_zh: clip(n.title.zh, 300),
      title_en: clip(n.title.en, 300),
      body_zh: n.body ? clip(n.body.zh, 2000) : null,
      body_en: n.body ? clip(n.body.en, 2000) : null,
      link: n.link ?? null,
      dedupe_key: clip(n.dedupeKey, 300),
      created_at: at,
    });
    if (id === null) return false;
    const bureaus = await bureauUnits(trx);
    const bureau = bureaus.find((b) => b.id === n.bureauUnitId);
    if (!bureau) throw new Error(`notification for unit ${n.bureauUnitId}, which is not a bureau`);
    const people = await notificationRecipients(
      trx,
      bureau.path,
      bureaus.map((b) => b.path),
      n.to,
    );
    await repo.insertRecipients(
      trx,
      id,
      people.map((p) => p.id),
      at,
    );
    // the outbox: one row per group robot, one per person an SMS or e-mail channel can reach
    const channels = await repo.enabledChannels(n.bureauUnitId, trx);
    const base = { notification_id: id, state: 'pending' as const, next_attempt_at: at, created_at: at };
    const outside = n.to.outside;
    await repo.insertDeliveries(
      trx,
      channels.flatMap((c) =>
        outside
          ? (c.kind === 'sms' ? outside.mobile : c.kind === 'email' ? outside.email : null)
            ? [
                {
                  ...base,
                  channel_id: c.id,
                  person_id: 0,
                  to_name: outside.name,
                  to_mobile: c.kind === 'sms' ? outside.mobile : null,
                  to_email: c.kind === 'email' ? outside.email : null,
                },
              ]
            : []
          : GROUP_DELIVERY_CHANNELS.includes(c.kind)
            ? [{ ...base, channel_id: c.id, person_id: 0 }]
            : people
                .filter((p) => (c.kind === 'sms' ? p.mobile : p.email))
                .map((p) => ({ ...base, channel_id: c.id, person_id: p.id })),
      ),
    );
    return true;
  }

  return {
    notify,

    /** The bureau's reminder thresholds (N days), the defaults where it has not set them. */
    async reminderSettings(bureauUnitId: number): Promise<ReminderSettings> {
      const row = await repo.settings(bureauUnitId);
      return {
        ...DEFAULT_REMINDER_SETTINGS,
        ...(row ? (JSON.parse(row.settings_json) as Partial<ReminderSettings>) : {}),
      };
    },

    registerTodoProvider(p: TodoProvider) {
      if (providers.has(p.name)) throw new Error(`to-do provider ${p.name} registered twice`);
      providers.set(p.name, p);
    },

    registerReminderRule(r: ReminderRule) {
      if (rules.has(r.name)) throw new Error(`reminder rule ${r.name} registered twice`);
      rules.set(r.name, r);
    },

    /** The signed-in person's to-dos from every provider; a failing provider is named, not fatal. */
    async todos(ctx: RequestContext): Promise<TodoList> {
      const actor = requireActor(ctx);
      const failed: string[] = [];
      const lists = await Promise.all(
        [...providers.values()].map((p) =>
          p.todos(actor).catch((err: unknown) => {
            log.error({ err, provider: p.name }, 'to-do provider failed');
            failed.push(p.name);
            return [];
          }),
        ),
      );
      return { items: lists.flat().filter((t) => t.count > 0), failed: failed.sort() };
    },

    async inbox(ctx: RequestContext, q: InboxQuery): Promise<Inbox> {
      const actor = requireActor(ctx);
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 20;
      const { items, total } = await repo.inbox(actor.personId, q.unreadOnly === true, page, pageSize);
      return {
        items: items.map((r) => ({
          id: r.id,
          kind: r.kind,
          title: { zh: r.title_zh, en: r.title_en },
          body: r.body_zh !== null ? { zh: r.body_zh, en: r.body_en ?? r.body_zh } : null,
          link: r.link,
          createdAt: r.created_at,
          readAt: r.read_at,
        })),
        total,
        page,
        pageSize,
        unread: await repo.unreadCount(actor.personId),
      };
    },

    async unreadCount(ctx: RequestContext) {
      return { unread: await repo.unreadCount(requireActor(ctx).personId) };
    },

    /** Marks one of the person's notifications read (another person's is not found). */
    async markRead(ctx: RequestContext, id: number) {
      const actor = requireActor(ctx);
      return audit.transact(ctx, async (trx, record) => {
        if (!(await repo.isRecipient(actor.personId, id, trx))) throw notFound();
        const marked = await repo.markRead(trx, actor.personId, nowIso(), id);
        if (marked) await record({ action: 'notification.read', objectType: 'notification', objectId: id });
        return { marked, unread: await repo.unreadCount(actor.personId, trx) };
      });
    },

    async markAllRead(ctx: RequestContext) {
      const actor = requireActor(ctx);
      return audit.transact(ctx, async (trx, record) => {
        const marked = await repo.markRead(trx, actor.personId, nowIso());
        await record({
          action: 'notification.readAll',
          objectType: 'person',
          objectId: actor.personId,
          detail: { marked },
        });
        return { marked, unread: 0 };
      });
    },

    /**
     * Runs every reminder rule for `today` and notifies what they find, each notification in its own
     * transaction (dedupe keys make a second run the same day, or on another server, a no-op).
     */
    async runReminders(today: string) {
      const result: Record<string, number | string> = {};
      for (const rule of rules.values()) {
        try {
          const drafts = await rule.run(today);
          let created = 0;
          for (const d of drafts) if (await db.transaction().execute((trx) => notify(trx, d))) created += 1;
          result[rule.name] = created;
        } catch (err) {
          log.error({ err, rule: rule.name }, 'reminder rule failed');
          result[rule.name] = `failed: ${String(err).slice(0, 200)}`;
        }
      }
      return result;
    },
  } satisfies NotificationsService & Record<string, unknown>;
}
export type NotificationsServiceImpl = ReturnType<typeof createNotificationsService>;
