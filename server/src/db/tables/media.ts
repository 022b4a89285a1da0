// Tables owned by the media module: only its repository queries them (docs/architecture.md, table
// ownership). Columns holding a domain value carry its union type.
import type { AccountState, FilingState, FunctionState, MediaPlatform } from '@greenvoice/common';
import type { Generated } from 'kysely';

export interface MediaAccountsTable {
  id: Generated<number>;
  /** the assessing bureau: the one whose plan scores the account's unit */
  bureau_unit_id: number;
  unit_id: number;
  platform: MediaPlatform;
  name: string;
  platform_id: string;
  operator: string | null;
  opened_on: string | null;
  filing: FilingState;
  filing_number: string | null;
  fn_messages: FunctionState;
  fn_auto_reply: FunctionState;
  fn_menu: FunctionState;
  link: string | null;
  description: string | null;
  state: AccountState;
  stopped_on: string | null;
  deregistered_on: string | null;
  is_demo: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export type AccountChange = 'created' | 'updated' | 'imported';

export interface MediaAccountHistoryTable {
  id: Generated<number>;
  account_id: number;
  version: number;
  change: AccountChange;
  /** JSON: { field: [before, after] } (created: every field with before null) */
  changes: string;
  changed_by: number | null;
  changed_by_name: string;
  changed_at: string;
}

export type MetricsSource = 'manual' | 'import' | 'demo';

export interface MediaMetricsTable {
  id: Generated<number>;
  account_id: number;
  period: 'day' | 'month';
  period_start: string;
  posts: number;
  headline_posts: number | null;
  reads: number | null;
  zaikan: number | null;
  likes: number | null;
  shares: number | null;
  headline_reads: number | null;
  headline_zaikan: number | null;
  headline_likes: number | null;
  headline_shares: number | null;
  peak_reads: number | null;
  peak_zaikan: number | null;
  peak_likes: number | null;
  peak_shares: number | null;
  followers_new: number | null;
  followers_cancelled: number | null;
  followers_net: number | null;
  followers_total: number | null;
  source: MetricsSource;
  updated_at: string;
}

/** 报刊征订: one paper's copies for one unit and year (C1 reads them as `mediaSubscription` facts) */
export interface MediaSubscriptionsTable {
  id: Generated<number>;
  bureau_unit_id: number;
  unit_id: number;
  year: number;
  paper: string;
  copies: number;
  /** the amount paid, in fen (分), so sums stay exact */
  amount_fen: number | null;
  /** what proves it: the receipt or order number, where the copy is kept */
  evidence: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** 网评员: one member of the online-commentator team */
export interface MediaCommentatorsTable {
  id: Generated<number>;
  bureau_unit_id: number;
  unit_id: number;
  name: string;
  /** the accounts they comment with (platform and name), as the roster lists them */
  accounts: string | null;
  active: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** one comment or post a commentator made: the link and the topic it answered */
export interface MediaCommentatorPostsTable {
  id: Generated<number>;
  commentator_id: number;
  posted_on: string;
  url: string;
  topic: string | null;
  /** the task it completes, when it answers one (decision 207) */
  task_id: number | null;
  created_at: string;
}

/** a 网评员 task: an article or topic to comment on within a period, for the unit's commentators and those below */
export interface MediaCommentatorTasksTable {
  id: Generated<number>;
  bureau_unit_id: number;
  unit_id: number;
  title: string;
  link: string | null;
  starts_on: string;
  ends_on: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** 生态环保报道专栏: a standing column at one outlet */
export interface MediaColumnsTable {
  id: Generated<number>;
  bureau_unit_id: number;
  unit_id: number;
  /** the outlet in the media library, when it is there; its name is kept either way */
  outlet_id: number | null;
  outlet_name: string;
  name: string;
  starts_on: string;
  ends_on: string | null;
  /** pieces the column published, as the unit reports them */
  pieces: number;
  note: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}
