// The bulletin's closed workflow: the information centre drafts and submits it, leadership approves or
// returns it (with a reason), and only an approved bulletin can be published to the units.
import type { BulletinStatus } from '../schemas/assessment.ts';

export const BULLETIN_ACTIONS = ['submit', 'approve', 'return', 'publish'] as const;
export type BulletinAction = (typeof BULLETIN_ACTIONS)[number];

export const BULLETIN_TRANSITIONS: Record<
  BulletinAction,
  { from: BulletinStatus; to: BulletinStatus; permission: 'bulletins:draft' | 'bulletins:approve' }
> = {
  submit: { from: 'draft', to: 'pending', permission: 'bulletins:draft' },
  approve: { from: 'pending', to: 'approved', permission: 'bulletins:approve' },
  return: { from: 'pending', to: 'draft', permission: 'bulletins:approve' },
  publish: { from: 'approved', to: 'published', permission: 'bulletins:draft' },
};

/** 2018-04-10 → 2018年4月10日 (GB/T 9704: Arabic numerals, no leading zeros) */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}
