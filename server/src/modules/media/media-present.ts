// Rows → API shapes, and what the matrix derives from an account's metrics: its post history (the input
// of the silence rule), the month summaries with their WCI (docs/new-media.md).
import {
  accountFlags,
  monthWci,
  type MediaAccount,
  type MetricsInputRow,
  type MetricsRow,
  type MetricsRowOut,
  type MonthSummary,
  type PostHistory,
} from '@greenvoice/common';
import type { MediaAccountsTable, MediaMetricsTable } from '../../db/types.ts';

export type AccountRow = Omit<MediaAccountsTable, 'id' | 'version'> & {
  id: number;
  version: number;
  unit_name: string;
  unit_path: string;
};
export type MetricRow = Omit<MediaMetricsTable, 'id'> & { id: number };
export type PostRow = Pick<MediaMetricsTable, 'account_id' | 'period' | 'period_start' | 'posts'>;

export function postHistoryOf(
  a: Pick<AccountRow, 'opened_on' | 'stopped_on' | 'deregistered_on'>,
  rows: PostRow[],
): PostHistory & { lastPostOn: string | null } {
  const postDays: string[] = [];
  const postMonths: string[] = [];
  for (const r of rows)
    if (r.posts > 0)
      (r.period === 'day' ? postDays : postMonths).push(
        r.period === 'day' ? r.period_start : r.period_start.slice(0, 7),
      );
  const last = [...postDays, ...postMonths.map((m) => `${m}-01`)].sort().at(-1) ?? null;
  return {
    openedOn: a.opened_on,
    stoppedOn: a.stopped_on,
    deregisteredOn: a.deregistered_on,
    postDays,
    postMonths,
    firstDataDay: rows[0]?.period_start ?? null,
    lastPostOn: last,
  };
}

export function presentAccount(a: AccountRow, posts: PostRow[], today: string): MediaAccount {
  const history = postHistoryOf(a, posts);
  const { flags, spell } = accountFlags(
    {
      ...history,
      state: a.state,
      filing: a.filing,
      functions: { messages: a.fn_messages, autoReply: a.fn_auto_reply, menu: a.fn_menu },
    },
    today,
  );
  return {
    id: a.id,
    unitId: a.unit_id,
    unitName: a.unit_name,
    platform: a.platform,
    name: a.name,
    platformId: a.platform_id,
    operator: a.operator,
    openedOn: a.opened_on,
    filing: a.filing,
    filingNumber: a.filing_number,
    functions: { messages: a.fn_messages, autoReply: a.fn_auto_reply, menu: a.fn_menu },
    link: a.link,
    description: a.description,
    state: a.state,
    stoppedOn: a.stopped_on,
    deregisteredOn: a.deregistered_on,
    lastPostOn: history.lastPostOn,
    flags,
    spell,
    isDemo: a.is_demo === 1,
    version: a.version,
    updatedAt: a.updated_at,
  };
}

export function presentMetric(r: MetricRow): MetricsRowOut {
  return {
    period: r.period,
    start: r.period_start,
    posts: r.posts,
    headlinePosts: r.headline_posts,
    reads: r.reads,
    zaikan: r.zaikan,
    likes: r.likes,
    shares: r.shares,
    headlineReads: r.headline_reads,
    headlineZaikan: r.headline_zaikan,
    headlineLikes: r.headline_likes,
    headlineShares: r.headline_shares,
    peakReads: r.peak_reads,
    peakZaikan: r.peak_zaikan,
    peakLikes: r.peak_likes,
    peakShares: r.peak_shares,
    followersNew: r.followers_new,
    followersCancelled: r.followers_cancelled,
    followersNet: r.followers_net,
    followersTotal: r.followers_total,
    source: r.source,
  };
}

export const wciRow = (r: MetricRow): MetricsRow => ({
  posts: r.posts,
  reads: r.reads,
  zaikan: r.zaikan,
  likes: r.likes,
  shares: r.shares,
  headlineReads: r.headline_reads,
  headlineZaikan: r.headline_zaikan,
  headlineLikes: r.headline_likes,
  headlineShares: r.headline_shares,
  peakReads: r.peak_reads,
  peakZaikan: r.peak_zaikan,
  peakLikes: r.peak_likes,
  peakShares: r.peak_shares,
});

/** Rows of one account grouped by month (YYYY-MM), in order. */
export function byMonth(rows: MetricRow[]): Map<string, MetricRow[]> {
  const m = new Map<string, MetricRow[]>();
  for (const r of rows) {
    const k = r.period_start.slice(0, 7);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** Month summaries of one account: totals, followers at the month's end, the month's WCI (or null). */
export function monthSummaries(rows: MetricRow[], wechat: boolean): MonthSummary[] {
  const out: MonthSummary[] = [];
  let total: number | null = null;
  for (const [month, list] of byMonth(rows)) {
    const sum = (k: 'posts' | 'reads' | 'likes' | 'zaikan' | 'shares' | 'followers_net') =>
      list.reduce((s, r) => s + (r[k] ?? 0), 0);
    for (const r of list) if (r.followers_total !== null) total = r.followers_total;
    const w = wechat ? monthWci(list.map(wciRow)) : null;
    out.push({
      month,
      posts: sum('posts'),
      reads: sum('reads'),
      likes: sum('likes'),
      zaikan: sum('zaikan'),
      shares: sum('shares'),
      followersNet: sum('followers_net'),
      followersTotal: total,
      wci: w?.wci ?? null,
      wciPartial: w?.partial ?? false,
    });
  }
  return out;
}

export const toMetricValues = (r: MetricsInputRow) => ({
  period: r.period,
  period_start: r.start,
  posts: r.posts ?? 0,
  headline_posts: r.headlinePosts ?? null,
  reads: r.reads ?? null,
  zaikan: r.zaikan ?? null,
  likes: r.likes ?? null,
  shares: r.shares ?? null,
  headline_reads: r.headlineReads ?? null,
  headline_zaikan: r.headlineZaikan ?? null,
  headline_likes: r.headlineLikes ?? null,
  headline_shares: r.headlineShares ?? null,
  peak_reads: r.peakReads ?? null,
  peak_zaikan: r.peakZaikan ?? null,
  peak_likes: r.peakLikes ?? null,
  peak_shares: r.peakShares ?? null,
  followers_new: r.followersNew ?? null,
  followers_cancelled: r.followersCancelled ?? null,
  followers_net:
    r.followersNet ??
    (r.followersNew !== null && r.followersCancelled !== null ? r.followersNew - r.followersCancelled : null),
  followers_total: r.followersTotal ?? null,
});

/**
 * Every account as it stands on `day`, beside its row: the post history is grouped by account in one
 * pass (each account's rows in the order given), so the cost grows with accounts + rows, not their
 * product. The one way the board, the reminders, the to-dos and the self-inspection present accounts.
 */
export function presentEach(
  accounts: AccountRow[],
  posts: PostRow[],
  day: string,
): Array<{ row: AccountRow; account: MediaAccount }> {
  const mine = byAccount(posts);
  return accounts.map((row) => ({ row, account: presentAccount(row, mine.get(row.id) ?? [], day) }));
}

/** Rows of several accounts grouped by account in one pass, each group in the order given. */
export function byAccount<T extends { account_id: number }>(rows: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const r of rows) {
    const list = groups.get(r.account_id);
    if (list) list.push(r);
    else groups.set(r.account_id, [r]);
  }
  return groups;
}
