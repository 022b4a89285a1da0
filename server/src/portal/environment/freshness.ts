// Honest freshness (decision 102): each data page says when its data was taken, and once the newest
// reading is older than the configured expectation it says plainly that the data is late. A cached
// page carries the moment that sentence would change as its expiry, so no cached copy goes on saying
// "current" after the data stopped coming.
import { chinaMs } from '@greenvoice/common';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface Freshness {
  late: boolean;
  /** when a page calling it fresh must be rendered anew (epoch ms); undefined once late */
  expiresAt?: number;
}

export function freshness(newest: string | null, expectedMs: number, nowMs: number): Freshness {
  if (!newest) return { late: false };
  // `newest` is China time: 'YYYY-MM-DDTHH:MM' (an hour) or 'YYYY-MM-DD' (a day, taken from its start)
  const flips = chinaMs(newest) + expectedMs;
  return nowMs >= flips ? { late: true } : { late: false, expiresAt: flips };
}

export const hours = (n: number) => n * HOUR;
export const days = (n: number) => n * DAY;

/** The earliest of the expiries given (undefined ones ignored). */
export const earliest = (...at: Array<number | undefined>) => {
  const xs = at.filter((x): x is number => x !== undefined);
  return xs.length ? Math.min(...xs) : undefined;
};
