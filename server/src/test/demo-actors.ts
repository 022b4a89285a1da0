// The demo accounts as named test actors: a test says `t.loginAs('reviewer')` instead of pasting a
// password, so a changed demo password (or a new role) is one edit in demo-accounts.ts.
import { DEMO_ACCOUNTS, type DemoAccount } from '../demo/demo-accounts.ts';

export type DemoUsername =
  | 'admin'
  | 'reviewer'
  | 'officer.wl'
  | 'deputy.wl'
  | 'leader'
  | 'editor'
  | 'handler'
  | 'handler.wl'
  | 'security'
  | 'auditor'
  | 'admin.xt';

export function demoAccount(username: DemoUsername): DemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  return account;
}
