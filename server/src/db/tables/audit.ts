// Tables owned by the audit module: only its repository queries them (docs/architecture.md, table
// ownership). Columns holding a domain value carry its union type.
import type { Generated } from 'kysely';

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  actor_roles: string;
  client_ip: string;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: string;
  request_id: string;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  last_id: number;
  last_hash: string;
  count: number;
  keyed_from: number | null;
  key_id: string | null;
  purged_through: number;
  purged_mac: string;
  mac: string;
}

/** Exists only inside `npm run audit:purge`'s transaction: the delete trigger's permit (decision 072). */
export interface AuditPurgePermitTable {
  id: number;
  through_id: number;
  before_at: string;
}
