// Tables owned by the auth module: only its repository queries them (docs/architecture.md, table
// ownership). Columns holding a domain value carry its union type.
import type { Generated } from 'kysely';

export interface PasswordHistoryTable {
  id: Generated<number>;
  person_id: number;
  password_hash: string;
  created_at: string;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  person_id: number | null;
  username: string;
  client_ip: string;
  at: string;
  succeeded: number;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a copy of the table does not yield usable sessions */
  id: string;
  person_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  idle_minutes: number;
  client_ip: string;
  user_agent: string;
  revoked_at: string | null;
}

export interface TotpRecoveryCodesTable {
  id: Generated<number>;
  person_id: number;
  /** SHA-256 of the normalised code */
  code_hash: string;
  created_at: string;
  used_at: string | null;
}
