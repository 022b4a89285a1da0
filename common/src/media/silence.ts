// The new-media inspection rules (国办秘函〔2019〕19号, new-media part) as docs/new-media.md states them:
// silent spells (more than 14 days without a post, counted from the opening day for an account that
// never posted), no working interaction function, stopped but not deregistered, not filed. Pure.
import type { AccountState, FilingState, FunctionState } from './platforms.ts';

/** "no update for more than 2 weeks": a spell is silent once 15 days have passed without a post */
export const SILENT_AFTER_DAYS = 14;

const DAY = 86_400_000;
export const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY;
export const dayOf = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

export const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return dayOf(Date.UTC(y, m, 0) / DAY);
};

export interface PostHistory {
  openedOn: string | null;
  stoppedOn: string | null;
  deregisteredOn: string | null;
  /** days (YYYY-MM-DD) a daily row says something was posted */
  postDays: readonly string[];
  /** months (YYYY-MM) a monthly row says something was posted, days unknown */
  postMonths: readonly string[];
  /** the first period any metrics row covers, or null when there are none */
  firstDataDay: string | null;
}

export interface SilentSpell {
  /** the last post (or the opening, or the first day the metrics cover) before the spell */
  from: string;
  /** the first day the account counts as silent: from + 15 */
  silentFrom: string;
  /** the post that ended it, the day the account stopped, or null while it lasts */
  until: string | null;
  /** days from `from` to `until` (or to today) */
  days: number;
  /** no post since opening (or since the metrics begin) */
  neverPosted: boolean;
}

/**
 * Spells of more than `maxGap` days without a post, up to `today`. The history starts at the opening
 * day, or at the first day the metrics cover when they begin later (nothing is known before). An account
 * with no metrics at all counts as never having posted. A month known only from a monthly row counts as
 * posted on its first and last day (the days in between are unknown: no spell is made up inside it).
 */
export function silentSpells(h: PostHistory, today: string, maxGap = SILENT_AFTER_DAYS): SilentSpell[] {
  const start =
    h.openedOn && h.firstDataDay
      ? h.firstDataDay > h.openedOn
        ? h.firstDataDay
        : h.openedOn
      : (h.openedOn ?? h.firstDataDay);
  if (!start || start > today) return [];
  const stop = [h.stoppedOn, h.deregisteredOn, today].filter((d): d is string => !!d).sort()[0]!;
  const posts = new Set<string>(h.postDays);
  for (const m of h.postMonths) {
    posts.add(`${m}-01`);
    posts.add(monthEnd(m));
  }
  const days = [...posts].filter((d) => d >= start && d <= stop).sort();
  const spells: SilentSpell[] = [];
  let anchor = start;
  let posted = false;
  const unknownMonths = new Set(h.postMonths);
  for (const p of days) {
    const gap = dayNumber(p) - dayNumber(anchor);
    // inside a month known only by its total, the days between its first and last are unknown
    const inside = anchor.slice(0, 7) === p.slice(0, 7) && unknownMonths.has(p.slice(0, 7));
    if (gap > maxGap && !inside)
      spells.push({
        from: anchor,
        silentFrom: dayOf(dayNumber(anchor) + maxGap + 1),
        until: p,
        days: gap,
        neverPosted: !posted,
      });
    anchor = p;
    posted = true;
  }
  const gap = dayNumber(stop) - dayNumber(anchor);
  if (gap > maxGap)
    spells.push({
      from: anchor,
      silentFrom: dayOf(dayNumber(anchor) + maxGap + 1),
      until: stop === today && !h.stoppedOn && !h.deregisteredOn ? null : stop,
      days: gap,
      neverPosted: !posted,
    });
  return spells;
}

export const ACCOUNT_FLAGS = [
  'silent',
  'noWorkingInteraction',
  'stoppedNotDeregistered',
  'notFiled',
] as const;
export type AccountFlag = (typeof ACCOUNT_FLAGS)[number];
export const ACCOUNT_FLAG_LABELS: Record<AccountFlag, { zh: string; en: string }> = {
  silent: { zh: '超过14天未更新（僵尸号）', en: 'No post for more than 14 days (silent)' },
  noWorkingInteraction: { zh: '无正常的互动功能', en: 'No working interaction function' },
  stoppedNotDeregistered: { zh: '已停更未注销', en: 'Stopped but not deregistered' },
  notFiled: { zh: '未备案', en: 'Not filed' },
};

export interface AccountCheckInput extends PostHistory {
  state: AccountState;
  filing: FilingState;
  functions: { messages: FunctionState; autoReply: FunctionState; menu: FunctionState };
}

/** What the board flags on `today`, with the spell that makes an account silent. */
export function accountFlags(
  a: AccountCheckInput,
  today: string,
): { flags: AccountFlag[]; spell: SilentSpell | null } {
  if (a.state === 'deregistered') return { flags: [], spell: null };
  const flags: AccountFlag[] = [];
  let spell: SilentSpell | null = null;
  if (a.state === 'stopped') flags.push('stoppedNotDeregistered');
  else {
    spell = silentSpells(a, today).find((s) => s.until === null) ?? null;
    if (spell) flags.push('silent');
    if (!Object.values(a.functions).includes('working')) flags.push('noWorkingInteraction');
  }
  if (a.filing !== 'filed') flags.push('notFiled');
  return { flags, spell };
}

export type OpeningStatus = 'onTime' | 'late' | 'missing' | 'pending';

/** A unit's standing against the opening deadline: its first account of the platform decides. */
export function openingStatus(
  openedOn: string | null,
  due: string,
  today: string,
): { status: OpeningStatus; daysLate: number } {
  if (openedOn && openedOn <= due) return { status: 'onTime', daysLate: 0 };
  if (openedOn) return { status: 'late', daysLate: dayNumber(openedOn) - dayNumber(due) };
  if (today > due) return { status: 'missing', daysLate: dayNumber(today) - dayNumber(due) };
  return { status: 'pending', daysLate: 0 };
}

/** The reminders before the opening deadline: this many days before it (docs/new-media.md). */
export const OPENING_REMINDER_DAYS = [30, 7, 1] as const;

/**
 * The reminder due on `today` before `due` (decision 211): the most urgent threshold already reached
 * (days left ≤ threshold), so a daily job that did not run on the threshold's own day catches up on its
 * next run, with one reminder even when it missed several thresholds. Null before the first threshold and
 * after the deadline (the deadline day itself still counts: opening then is on time). Sending it once is
 * the caller's sent-marker, keyed by the deadline and the threshold.
 */
export function openingReminderDue(
  due: string,
  today: string,
  thresholds: readonly number[] = OPENING_REMINDER_DAYS,
): { threshold: number; daysLeft: number } | null {
  const daysLeft = dayNumber(due) - dayNumber(today);
  if (daysLeft < 0) return null;
  const reached = thresholds.filter((t) => daysLeft <= t);
  return reached.length ? { threshold: Math.min(...reached), daysLeft } : null;
}
