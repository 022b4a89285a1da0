// A bureau's delivery channels, reminder settings and delivery log, for its administrators (decision
// 120). Secrets (webhook addresses, the DingTalk signing secret, SMTP password, gateway key) are sealed
// with TOTP_ENCRYPTION_KEY as TOTP secrets are (modules/auth/secret-box.ts) and never read back; the
// test-send goes straight to the channel (bounded by the send timeout) so the administrator sees the answer.
import {
  normaliseMobile,
  unknownPlaceholders,
  type Delivery,
  type DeliveryChannel,
  type DeliveryChannelInput,
  type DeliveryChannelSecrets,
  type DeliveryChannelSettings,
  type DeliveryChannelUpdate,
  type DeliveryQuery,
  type ReminderSettings,
  type TestSendResult,
} from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import type { NotificationChannelsTable } from '../../db/types.ts';
import { conflict, invalid, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { sealSecret } from '../auth/secret-box.ts';
import { channelSecrets, consoleUrl } from './delivery-worker.ts';
import type { NotificationsRepo } from './notifications.repo.ts';
import { SendError, sendOne } from './senders.ts';

type ChannelRow = Omit<NotificationChannelsTable, 'id' | 'version'> & { id: number; version: number };

const isHttpUrl = (u: string | undefined) => !!u && /^https?:\/\/[^\s/]+/i.test(u);
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

function present(r: ChannelRow, key: Buffer | null): DeliveryChannel {
  const secrets = channelSecrets(r.secret, key);
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    enabled: r.enabled === 1,
    settings: JSON.parse(r.settings_json) as DeliveryChannelSettings,
    secretsSet: Object.entries(secrets)
      .filter(([, v]) => !!v)
      .map(([k]) => k)
      .sort(),
    version: r.version,
    updatedAt: r.updated_at,
  };
}

/** What a channel of this kind needs; the first problem as a field error. */
function check(kind: DeliveryChannel['kind'], s: DeliveryChannelSettings, secrets: DeliveryChannelSecrets) {
  if (kind === 'wecom' || kind === 'dingtalk') {
    if (!isHttpUrl(secrets.webhook))
      throw invalid(
        '/secrets/webhook',
        '请填写机器人的 Webhook 地址（http:// 或 https://）',
        'Enter the robot’s webhook address (http:// or https://)',
      );
  }
  if (kind === 'sms') {
    if (!isHttpUrl(s.url))
      throw invalid(
        '/settings/url',
        '请填写短信网关地址（http:// 或 https://）',
        'Enter the gateway’s address (http:// or https://)',
      );
    if (!s.bodyTemplate?.trim())
      throw invalid('/settings/bodyTemplate', '请填写请求体模板', 'Enter the body template');
    const unknown = unknownPlaceholders(s.bodyTemplate);
    if (unknown.length)
      throw invalid(
        '/settings/bodyTemplate',
        `模板中有无法识别的占位符：${unknown.join('、')}`,
        `Unknown placeholders in the template: ${unknown.join(', ')}`,
      );
  }
  if (kind === 'email') {
    if (!s.host?.trim()) throw invalid('/settings/host', '请填写 SMTP 服务器', 'Enter the SMTP server');
    if (!s.from || !EMAIL.test(s.from.replace(/^.*<(.+)>\s*$/, '$1')))
      throw invalid('/settings/from', '请填写正确的发件人邮箱', 'Enter a valid sender address');
  }
}

/** Settings are kept only where they apply to the kind (a switched form leaves nothing stale behind). */
function settingsFor(kind: DeliveryChannel['kind'], s: DeliveryChannelSettings): DeliveryChannelSettings {
  const pick = (keys: (keyof DeliveryChannelSettings)[]) =>
    Object.fromEntries(keys.filter((k) => s[k] !== undefined && s[k] !== '').map((k) => [k, s[k]]));
  if (kind === 'sms') return pick(['url', 'contentType', 'bodyTemplate', 'authHeader']);
  if (kind === 'email') return pick(['host', 'port', 'secure', 'username', 'from']);
  return {};
}

/** New secrets over the stored ones: an omitted or empty field keeps what is stored. */
const mergeSecrets = (stored: DeliveryChannelSecrets, given: DeliveryChannelSecrets | undefined) => ({
  ...stored,
  ...Object.fromEntries(
    Object.entries(given ?? {}).filter(([, v]) => typeof v === 'string' && v.trim() !== ''),
  ),
});

export function createDeliveryChannelsService(deps: {
  repo: NotificationsRepo;
  audit: AuditService;
  secretKey: Buffer | null;
  publicUrl: string | null;
  timeoutMs: number;
  reminderSettings(bureauUnitId: number): Promise<ReminderSettings>;
}) {
  const { repo, audit, secretKey } = deps;
  const seal = (s: DeliveryChannelSecrets) =>
    Object.keys(s).length ? sealSecret(JSON.stringify(s), secretKey) : null;

  async function find(ctx: RequestContext, id: number) {
    const row = await repo.findChannel(id, requireActor(ctx).bureauUnitId);
    if (!row) throw notFound();
    return row;
  }

  async function settings(ctx: RequestContext) {
    const bureau = requireActor(ctx).bureauUnitId;
    const row = await repo.settings(bureau);
    return { settings: await deps.reminderSettings(bureau), version: row?.version ?? 0 };
  }

  return {
    async list(ctx: RequestContext) {
      return {
        items: (await repo.channels(requireActor(ctx).bureauUnitId)).map((r) => present(r, secretKey)),
      };
    },

    async create(ctx: RequestContext, input: DeliveryChannelInput) {
      const actor = requireActor(ctx);
      const settings = settingsFor(input.kind, input.settings);
      const secrets = mergeSecrets({}, input.secrets);
      check(input.kind, settings, secrets);
      const row = await audit.transact(ctx, async (trx, record) => {
        const at = nowIso();
        const r = await repo.insertChannel(trx, {
          bureau_unit_id: actor.bureauUnitId,
          kind: input.kind,
          name: input.name.trim(),
          enabled: input.enabled ? 1 : 0,
          settings_json: JSON.stringify(settings),
          secret: seal(secrets),
          created_at: at,
          updated_at: at,
        });
        await record({
          action: 'notificationChannel.create',
          objectType: 'notificationChannel',
          objectId: r.id,
          detail: {
            kind: input.kind,
            name: r.name,
            enabled: input.enabled,
            settings,
            secretsSet: Object.keys(secrets),
          },
        });
        return r;
      });
      return present(row, secretKey);
    },

    async update(ctx: RequestContext, id: number, input: DeliveryChannelUpdate) {
      const current = await find(ctx, id);
      if (current.version !== input.version) throw conflict();
      const settings = settingsFor(current.kind, input.settings);
      const secrets = mergeSecrets(channelSecrets(current.secret, secretKey), input.secrets);
      check(current.kind, settings, secrets);
      const row = await audit.transact(ctx, async (trx, record) => {
        const r = await repo.updateChannel(trx, id, input.version, {
          name: input.name.trim(),
          enabled: input.enabled ? 1 : 0,
          settings_json: JSON.stringify(settings),
          secret: seal(secrets),
          updated_at: nowIso(),
        });
        if (!r) throw conflict();
        await record({
          action: 'notificationChannel.update',
          objectType: 'notificationChannel',
          objectId: id,
          detail: {
            before: {
              name: current.name,
              enabled: current.enabled === 1,
              settings: JSON.parse(current.settings_json),
            },
            after: { name: r.name, enabled: input.enabled, settings },
            secretsChanged: Object.keys(input.secrets ?? {}).filter(
              (k) => !!input.secrets?.[k as keyof DeliveryChannelSecrets],
            ),
          },
        });
        return r;
      });
      return present(row, secretKey);
    },

    /** Sends a test message now and answers what the receiver said (never through the outbox). */
    async test(ctx: RequestContext, id: number, input: { to?: string }): Promise<TestSendResult> {
      const actor = requireActor(ctx);
      const c = await find(ctx, id);
      const to = input.to?.trim() ?? '';
      if (c.kind === 'sms' && !normaliseMobile(to))
        throw invalid('/to', '请填写接收测试短信的手机号', 'Enter the mobile number to receive the test SMS');
      if (c.kind === 'email' && !EMAIL.test(to))
        throw invalid('/to', '请填写接收测试邮件的邮箱', 'Enter the address to receive the test e-mail');
      let result: TestSendResult;
      try {
        const detail = await sendOne(
          c.kind,
          JSON.parse(c.settings_json) as DeliveryChannelSettings,
          channelSecrets(c.secret, secretKey),
          {
            title: `【测试】绿讯通知渠道「${c.name}」`,
            body: `这是 ${actor.name} 发送的测试消息，收到即表示渠道可用。`,
            url: consoleUrl(deps.publicUrl, '/notification-channels'),
          },
          c.kind === 'sms' || c.kind === 'email'
            ? {
                name: null,
                mobile: c.kind === 'sms' ? normaliseMobile(to) : null,
                email: c.kind === 'email' ? to : null,
              }
            : null,
          { timeoutMs: deps.timeoutMs, now: () => Date.now() },
        );
        result = { ok: true, detail };
      } catch (err) {
        if (!(err instanceof SendError)) throw err;
        result = { ok: false, detail: err.message };
      }
      await audit.record(ctx, {
        action: 'notificationChannel.test',
        objectType: 'notificationChannel',
        objectId: id,
        result: result.ok ? 'success' : 'failure',
        detail: { kind: c.kind, answer: result.detail },
      });
      return result;
    },

    settings,

    async saveSettings(ctx: RequestContext, input: { settings: ReminderSettings; version: number }) {
      const bureau = requireActor(ctx).bureauUnitId;
      const before = await deps.reminderSettings(bureau);
      await audit.transact(ctx, async (trx, record) => {
        const ok = await repo.saveSettings(
          trx,
          bureau,
          input.version,
          JSON.stringify(input.settings),
          nowIso(),
        );
        if (!ok) throw conflict();
        await record({
          action: 'notificationSettings.update',
          objectType: 'unit',
          objectId: bureau,
          detail: { before, after: input.settings },
        });
      });
      return settings(ctx);
    },

    async deliveries(ctx: RequestContext, q: DeliveryQuery) {
      const bureau = requireActor(ctx).bureauUnitId;
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 20;
      const { items, total } = await repo.deliveries(
        bureau,
        { ...(q.state ? { state: q.state } : {}), ...(q.channelId ? { channelId: q.channelId } : {}) },
        page,
        pageSize,
      );
      const counts = await repo.deliveryCounts(bureau);
      return {
        items: items.map((r): Delivery => ({
          id: r.id,
          channelId: r.channel_id,
          channelName: r.channel_name,
          channelKind: r.channel_kind,
          notificationTitle: { zh: r.title_zh, en: r.title_en },
          kind: r.kind,
          personName: r.person_name,
          state: r.state,
          attempts: r.attempts,
          nextAttemptAt: r.next_attempt_at,
          lastAttemptAt: r.last_attempt_at,
          lastError: r.last_error,
          sentAt: r.sent_at,
          createdAt: r.created_at,
        })),
        total,
        page,
        pageSize,
        ...counts,
      };
    },

    /** A failed delivery goes back to the outbox, due now, with a fresh count of attempts. */
    async retry(ctx: RequestContext, id: number) {
      const bureau = requireActor(ctx).bureauUnitId;
      await audit.transact(ctx, async (trx, record) => {
        if (!(await repo.retry(trx, id, bureau, nowIso()))) throw notFound();
        await record({
          action: 'notificationDelivery.retry',
          objectType: 'notificationDelivery',
          objectId: id,
        });
      });
      return { ok: true as const };
    },
  };
}
export type DeliveryChannelsService = ReturnType<typeof createDeliveryChannelsService>;
