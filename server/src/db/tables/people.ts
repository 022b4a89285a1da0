// Tables owned by the people module: only its repository queries them (docs/architecture.md, table
// ownership). Columns holding a domain value carry its union type.
import type { Role } from '@greenvoice/common';
import type { Generated } from 'kysely';

export interface PeopleTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  title: string;
  mobile: string | null;
  /** for the e-mail channel of notifications (decision 120) */
  email: string | null;
  username: string | null;
  password_hash: string | null;
  password_changed_at: string | null;
  must_change_password: number;
  disabled: number;
  locked_until: string | null;
  /** sign-in attempts reserved in the current failure window, in flight ones included (decision 077) */
  failed_logins: Generated<number>;
  failed_window_start: string | null;
  last_login_at: string | null;
  totp_secret: string | null;
  /** set when the person confirmed their authenticator; a secret without it is a pending enrolment */
  totp_enabled_at: string | null;
  /** the last TOTP step used to sign in: that code and older ones are refused */
  totp_last_step: number | null;
  is_demo: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PersonRolesTable {
  person_id: number;
  role: Role;
  assigned_at: string;
}
