// presentEach gives every account what presentAccount gives it with its own posts (filtered one by one,
// as the callers did before), in one pass over the posts. accountsOn (the board, reminders, to-dos and
// the self-inspection) is covered through those in media.test.ts and inspection.test.ts.
import { describe, expect, it } from 'vitest';
import { byAccount, presentAccount, presentEach, type AccountRow, type PostRow } from './media-present.ts';

const account = (id: number, o: Partial<AccountRow> = {}): AccountRow => ({
  id,
  version: 1,
  bureau_unit_id: 1,
  unit_id: 10 + (id % 3),
  unit_name: `单位${id % 3}`,
  unit_path: '/1/',
  platform: 'wechatOfficial',
  name: `账号${id}`,
  platform_id: `gh_${id}`,
  operator: null,
  opened_on: '2018-01-01',
  filing: 'filed',
  filing_number: null,
  fn_messages: 'working',
  fn_auto_reply: 'working',
  fn_menu: 'working',
  link: null,
  description: null,
  state: 'active',
  stopped_on: null,
  deregistered_on: null,
  is_demo: 0,
  created_at: '2018-01-01T00:00:00.000Z',
  updated_at: '2018-01-01T00:00:00.000Z',
  ...o,
});

/** A post history: some accounts post daily, some monthly, some not at all; rows ordered as the repo orders them. */
function history(accounts: AccountRow[]): PostRow[] {
  const rows: PostRow[] = [];
  for (const a of accounts) {
    if (a.id % 4 === 0) continue; // never posted: silent since opening
    for (let d = 1; d <= 28; d += a.id % 5 === 0 ? 13 : 2)
      rows.push({
        account_id: a.id,
        period: 'day',
        period_start: `2018-06-${String(d).padStart(2, '0')}`,
        posts: d % 3 ? 1 : 0,
      });
    if (a.id % 3 === 0)
      rows.push({ account_id: a.id, period: 'month', period_start: '2018-03-01', posts: 9 });
  }
  return rows;
}

describe('presenting a scope’s accounts', () => {
  const accounts = Array.from({ length: 40 }, (_, i) =>
    account(i + 1, i % 7 === 0 ? { state: 'stopped', stopped_on: '2018-05-01' } : {}),
  );
  const posts = history(accounts);

  it('gives each account exactly what presenting it with its own posts gives', () => {
    const each = presentEach(accounts, posts, '2018-07-15');
    expect(each.map((x) => x.row.id)).toEqual(accounts.map((a) => a.id));
    for (const { row, account: presented } of each)
      expect(presented).toEqual(
        presentAccount(
          row,
          posts.filter((p) => p.account_id === row.id),
          '2018-07-15',
        ),
      );
    // the rule does something here: some are flagged silent, some are not
    const silent = each.filter((x) => x.account.flags.includes('silent')).length;
    expect(silent).toBeGreaterThan(0);
    expect(silent).toBeLessThan(accounts.length);
  });

  it('keeps each account’s rows in the order given (the first is its first day of data)', () => {
    const grouped = byAccount(posts);
    for (const [id, rows] of grouped) {
      expect(rows.every((r) => r.account_id === id)).toBe(true);
      expect(rows).toEqual(posts.filter((p) => p.account_id === id));
    }
  });
});
