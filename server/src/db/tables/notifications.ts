// Tables owned by the notifications module: only its repository queries them (docs/architecture.md, table
// ownership). Columns holding a domain value carry its union type.
import type { DeliveryChannelKind, DeliveryState } from '@greenvoice/common';
import type { Generated } from 'kysely';

export interface NotificationsTable {
  id: Generated<number>;
  bureau_unit_id: number;
  kind: string;
  title_zh: string;
  title_en: string;
  body_zh: string | null;
  body_en: string | null;
  link: string | null;
  dedupe_key: string;
  created_at: string;
}

export interface NotificationRecipientsTable {
  notification_id: number;
  person_id: number;
  created_at: string;
  read_at: string | null;
}

export interface NotificationChannelsTable {
  id: Generated<number>;
  bureau_unit_id: number;
  kind: DeliveryChannelKind;
  name: string;
  enabled: number;
  /** the channel's settings without its secret (URL template, SMTP host…), JSON */
  settings_json: string;
  /** the webhook address, signing secret, password or gateway key, sealed (modules/auth/secret-box.ts) */
  secret: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface NotificationDeliveriesTable {
  id: Generated<number>;
  notification_id: number;
  channel_id: number;
  /** 0 for a group robot; else the person an SMS or e-mail is for */
  person_id: number;
  /** person 0 on an SMS or e-mail channel: someone outside the staff list (decision 194) */
  to_name: string | null;
  to_mobile: string | null;
  to_email: string | null;
  state: DeliveryState;
  attempts: Generated<number>;
  next_attempt_at: string;
  lease_holder: string | null;
  lease_expires_at: string | null;
  last_attempt_at: string | null;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
}

export interface NotificationSettingsTable {
  bureau_unit_id: number;
  settings_json: string;
  version: Generated<number>;
  updated_at: string;
}
