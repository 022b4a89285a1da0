// China time (UTC+8, no daylight saving) — the one time zone of GreenVoice's dates (decision 199). Stored
// instants are ISO UTC text; what people read, deadlines, "today", months and the public data sets are China
// wall-clock time. This module is the only place that does the arithmetic (lint rule one-way/china-time).

/** The IANA name of China time, for schedulers and published data sets. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The China wall clock at `ms`, as ISO text ('YYYY-MM-DDTHH:MM:SS.sssZ', the Z meaning nothing). */
const wall = (ms: number) => new Date(ms + OFFSET_MS).toISOString();

/** The calendar date in China (UTC+8) of an instant: deadlines are Chinese dates. */
export function chinaDate(iso: string): string {
  return wall(Date.parse(iso)).slice(0, 10);
}

/** Today's date, month, hour and minute in China: what "today" and "the latest hour" mean. */
export function chinaNow(at = Date.now()) {
  const iso = wall(at);
  return {
    date: iso.slice(0, 10),
    month: iso.slice(0, 7),
    hour: `${iso.slice(0, 13)}:00`,
    /** 'YYYY-MM-DDTHH:MM' */
    minute: iso.slice(0, 16),
  };
}

/** Today's date in China ('YYYY-MM-DD'), `days` days on (negative: back). */
export const chinaToday = (days = 0, at = Date.now()) => wall(at + days * DAY_MS).slice(0, 10);

/**
 * An instant as China wall-clock time 'YYYY-MM-DD HH:MM' (the national rules' format for government
 * sites); '' for no or an unreadable instant.
 */
export function chinaDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : wall(t).slice(0, 16).replace('T', ' ');
}

/**
 * A China wall-clock time as epoch milliseconds: 'YYYY-MM-DD' (its first instant), 'YYYY-MM-DD HH:MM' or
 * 'YYYY-MM-DDTHH:MM[:SS]' (seconds dropped). NaN when unreadable.
 */
export function chinaMs(local: string): number {
  const t = local.replace(' ', 'T');
  return Date.parse(t.length === 10 ? `${t}T00:00:00+08:00` : `${t.slice(0, 16)}:00+08:00`);
}

/** A China wall-clock time (as `chinaMs` reads it) as the ISO UTC instant stored timestamps are. */
export const chinaInstant = (local: string) => new Date(chinaMs(local)).toISOString();

/** The first instant of a China day, as ISO UTC text. */
export const chinaDayStart = (day: string) => chinaInstant(day);

/** The first instant after a China day, as ISO UTC text. */
export const chinaDayEnd = (day: string) => new Date(chinaMs(day) + DAY_MS).toISOString();

/** Whether 'YYYY-MM-DD' is a real calendar day (not 2026-02-30). */
export function isChinaDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const t = chinaMs(day);
  return !Number.isNaN(t) && wall(t).slice(0, 10) === day;
}

/** The next China midnight after `nowMs` (epoch ms): what depends on "today" changes then. */
export function nextChinaMidnight(nowMs: number): number {
  const china = nowMs + OFFSET_MS;
  return china - (china % DAY_MS) + DAY_MS - OFFSET_MS;
}

/** The China month 'YYYY-MM' of `at` and the `count - 1` months before it, newest first. */
export function chinaRecentMonths(count: number, at = Date.now()): string[] {
  const now = new Date(at + OFFSET_MS);
  return Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1)).toISOString().slice(0, 7),
  );
}
