// API contract of the notification service (decision 120): the signed-in person's inbox and to-dos, and
// the bureau's delivery channels, reminder settings and delivery failures (administrators).
import Type, { type Static } from 'typebox';
import { PageQuery, RowId, Text } from './common.ts';

const Words = Type.Object({ zh: Type.String(), en: Type.String() });

export const Notification = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  title: Words,
  body: Type.Union([Words, Type.Null()]),
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  readAt: Type.Union([Type.String(), Type.Null()]),
});
export type Notification = Static<typeof Notification>;

export const InboxQuery = Type.Object(
  { ...PageQuery, unreadOnly: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type InboxQuery = Static<typeof InboxQuery>;

export const Inbox = Type.Object({
  items: Type.Array(Notification),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  unread: Type.Integer(),
});
export type Inbox = Static<typeof Inbox>;

export const UnreadCount = Type.Object({ unread: Type.Integer() });
export const MarkedRead = Type.Object({ marked: Type.Integer(), unread: Type.Integer() });

export const TodoItem = Type.Object({
  kind: Type.String(),
  count: Type.Integer(),
  title: Words,
  link: Type.String(),
});
export const TodoList = Type.Object({
  items: Type.Array(TodoItem),
  /** providers that failed this time (their to-dos are missing, not zero) */
  failed: Type.Array(Type.String()),
});
export type TodoList = Static<typeof TodoList>;

// ---- delivery channels (per bureau) ----

export const DELIVERY_CHANNEL_KINDS = ['wecom', 'dingtalk', 'sms', 'email'] as const;
export type DeliveryChannelKind = (typeof DELIVERY_CHANNEL_KINDS)[number];
export const DELIVERY_CHANNEL_LABELS: Record<DeliveryChannelKind, { zh: string; en: string }> = {
  wecom: { zh: '企业微信群机器人', en: 'WeCom group robot' },
  dingtalk: { zh: '钉钉群机器人', en: 'DingTalk group robot' },
  sms: { zh: '短信网关', en: 'SMS gateway' },
  email: { zh: '电子邮件（SMTP）', en: 'E-mail (SMTP)' },
};
/** channels that send to a group (one message a notification) rather than to each person */
export const GROUP_DELIVERY_CHANNELS: readonly DeliveryChannelKind[] = ['wecom', 'dingtalk'];

export const DELIVERY_STATES = ['pending', 'sent', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const SMS_CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded'] as const;

/** The channel's settings that are not secret; which apply depends on the kind. */
export const DeliveryChannelSettings = Type.Object(
  {
    // SMS gateway
    url: Type.Optional(Type.String({ maxLength: 500 })),
    contentType: Type.Optional(Type.Enum(SMS_CONTENT_TYPES)),
    /** placeholders {{mobile}} {{title}} {{body}} {{text}} {{link}} {{secret}} */
    bodyTemplate: Type.Optional(Type.String({ maxLength: 4000 })),
    /** header carrying the gateway key ({{secret}} in its value), e.g. Authorization */
    authHeader: Type.Optional(Type.String({ maxLength: 100 })),
    // SMTP
    host: Type.Optional(Type.String({ maxLength: 200 })),
    port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })),
    secure: Type.Optional(Type.Boolean()),
    username: Type.Optional(Type.String({ maxLength: 200 })),
    from: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type DeliveryChannelSettings = Static<typeof DeliveryChannelSettings>;

/** Secrets: written, never read back. Omitted on an update: kept. */
export const DeliveryChannelSecrets = Type.Object(
  {
    /** robot webhook address (with its key / access_token) */
    webhook: Type.Optional(Type.String({ maxLength: 500 })),
    /** DingTalk 加签 secret (SEC…) */
    signSecret: Type.Optional(Type.String({ maxLength: 200 })),
    /** SMTP password or SMS gateway key */
    password: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type DeliveryChannelSecrets = Static<typeof DeliveryChannelSecrets>;

export const DeliveryChannel = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(DELIVERY_CHANNEL_KINDS),
  name: Type.String(),
  enabled: Type.Boolean(),
  settings: DeliveryChannelSettings,
  /** which secrets are stored (never their values) */
  secretsSet: Type.Array(Type.String()),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
export type DeliveryChannel = Static<typeof DeliveryChannel>;

export const DeliveryChannelInput = Type.Object(
  {
    kind: Type.Enum(DELIVERY_CHANNEL_KINDS),
    name: Text(100),
    enabled: Type.Boolean(),
    settings: DeliveryChannelSettings,
    secrets: Type.Optional(DeliveryChannelSecrets),
  },
  { additionalProperties: false },
);
export type DeliveryChannelInput = Static<typeof DeliveryChannelInput>;

export const DeliveryChannelUpdate = Type.Object(
  {
    name: Text(100),
    enabled: Type.Boolean(),
    settings: DeliveryChannelSettings,
    secrets: Type.Optional(DeliveryChannelSecrets),
    version: RowId(),
  },
  { additionalProperties: false },
);
export type DeliveryChannelUpdate = Static<typeof DeliveryChannelUpdate>;

export const DeliveryChannelList = Type.Object({ items: Type.Array(DeliveryChannel) });

export const TestSendInput = Type.Object(
  {
    /** SMS: a mobile number; e-mail: an address. Group robots need none. */
    to: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const TestSendResult = Type.Object({
  ok: Type.Boolean(),
  /** what the receiver answered, or why it failed */
  detail: Type.String(),
});
export type TestSendResult = Static<typeof TestSendResult>;

// ---- reminder settings (per bureau) ----

const Days = Type.Integer({ minimum: 1, maximum: 90 });
export const ReminderSettings = Type.Object(
  {
    /** remind contact registration this many days before its campaign deadline */
    campaignDaysBefore: Days,
    /** a returned piece not resubmitted after this many days */
    returnedDays: Days,
    /** a piece waiting in the review queue longer than this many days */
    reviewQueueDays: Days,
    /** a bulletin or interview list awaiting approval longer than this many days */
    approvalDays: Days,
    /** remind a disclosure this many days before its deadline (and when it is overdue) */
    disclosureDaysBefore: Days,
  },
  { additionalProperties: false },
);
export type ReminderSettings = Static<typeof ReminderSettings>;
export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  campaignDaysBefore: 7,
  returnedDays: 3,
  reviewQueueDays: 3,
  approvalDays: 2,
  disclosureDaysBefore: 5,
};
export const ReminderSettingsUpdate = Type.Object(
  { settings: ReminderSettings, version: RowId({ minimum: 0 }) },
  { additionalProperties: false },
);
export const ReminderSettingsView = Type.Object({ settings: ReminderSettings, version: Type.Integer() });

// ---- deliveries (the outbox, for administrators) ----

export const Delivery = Type.Object({
  id: Type.Integer(),
  channelId: Type.Integer(),
  channelName: Type.String(),
  channelKind: Type.Enum(DELIVERY_CHANNEL_KINDS),
  notificationTitle: Words,
  kind: Type.String(),
  personName: Type.Union([Type.String(), Type.Null()]),
  state: Type.Enum(DELIVERY_STATES),
  attempts: Type.Integer(),
  nextAttemptAt: Type.String(),
  lastAttemptAt: Type.Union([Type.String(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  sentAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
export type Delivery = Static<typeof Delivery>;
export const DeliveryQuery = Type.Object(
  {
    ...PageQuery,
    /** failed: given up; retrying: pending after at least one failed attempt */
    state: Type.Optional(Type.Union([Type.Enum(DELIVERY_STATES), Type.Literal('retrying')])),
    channelId: Type.Optional(RowId()),
  },
  { additionalProperties: false },
);
export type DeliveryQuery = Static<typeof DeliveryQuery>;
export const DeliveryPage = Type.Object({
  items: Type.Array(Delivery),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  failed: Type.Integer(),
  retrying: Type.Integer(),
});
