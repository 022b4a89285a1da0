// The monthly statistics of public cases (issue 13 item 8; decision 147): what came in, what was
// accepted and answered, how much of it in time, what is overdue — by kind, report category, place and
// handling unit. Pure counting over rows that carry no personal data; the portal and the console show
// the same figures.
import { addDays } from '../environment/working-days.ts';
import { monthEnd } from '../media/silence.ts';
import type { CaseKind, ReportCategory } from './case-kinds.ts';
import { FINAL_STATUSES, type CaseStatus } from './case-workflow.ts';

export interface StatsCase {
  kind: CaseKind;
  status: CaseStatus;
  category: ReportCategory | null;
  /** the report's place (a county's area name) */
  county: string | null;
  /** the county bureau it was assigned to, else null (the receiving bureau) */
  unitName: string | null;
  /** the day it first came in (China date) */
  filedOn: string;
  acceptedOn: string | null;
  /** the day it was answered: replied, or told it is not accepted (China date) */
  answeredOn: string | null;
  /** the limit it was answered against */
  answeredDueOn: string | null;
  /** the running limit now (open cases) */
  dueOn: string | null;
}

export interface CaseStatsLine {
  key: string;
  received: number;
  accepted: number;
  answered: number;
  onTime: number;
  late: number;
  /** still open at the month's end (or today) and past their limit */
  overdue: number;
}

export interface MonthlyStats {
  month: string;
  total: CaseStatsLine;
  byKind: CaseStatsLine[];
  byCategory: CaseStatsLine[];
  byCounty: CaseStatsLine[];
  byUnit: CaseStatsLine[];
}

const inMonth = (d: string | null, month: string) => d !== null && d.slice(0, 7) === month;

/** The month's figures; `today` bounds "overdue" for the running month. */
export function monthlyStats(rows: readonly StatsCase[], month: string, today: string): MonthlyStats {
  const last = monthEnd(month);
  // a limit that ended before this day had passed by the month's end (or by today, this month)
  const cutoff = today < last ? today : addDays(last, 1);
  const line = (key: string): CaseStatsLine => ({
    key,
    received: 0,
    accepted: 0,
    answered: 0,
    onTime: 0,
    late: 0,
    overdue: 0,
  });
  const groups = {
    byKind: new Map<string, CaseStatsLine>(),
    byCategory: new Map<string, CaseStatsLine>(),
    byCounty: new Map<string, CaseStatsLine>(),
    byUnit: new Map<string, CaseStatsLine>(),
  };
  const total = line('total');
  const add = (m: Map<string, CaseStatsLine>, key: string | null, f: (l: CaseStatsLine) => void) => {
    if (key === null) return;
    if (!m.has(key)) m.set(key, line(key));
    f(m.get(key)!);
  };
  for (const r of rows) {
    const received = inMonth(r.filedOn, month);
    // online receipt is the acceptance of letters and requests (条例 art. 31); reports are accepted
    const accepted = r.kind === 'report' ? inMonth(r.acceptedOn, month) : received;
    const answered = inMonth(r.answeredOn, month);
    const timed = answered && r.answeredDueOn !== null;
    const onTime = timed && r.answeredOn! <= r.answeredDueOn!;
    const late = timed && !onTime;
    const open =
      r.filedOn <= last &&
      (r.answeredOn === null || r.answeredOn > last) &&
      !(FINAL_STATUSES.includes(r.status) && r.answeredOn === null);
    // the limit it ran against at the month's end: once answered (later) its running limit is cleared,
    // so it is the one it was answered against — a case overdue at the end of October stays so in
    // October's figures after it is answered in November
    const limit = r.answeredOn !== null ? r.answeredDueOn : r.dueOn;
    const overdue = open && limit !== null && limit < cutoff;
    if (!received && !accepted && !answered && !overdue) continue;
    const f = (l: CaseStatsLine) => {
      l.received += received ? 1 : 0;
      l.accepted += accepted ? 1 : 0;
      l.answered += answered ? 1 : 0;
      l.onTime += onTime ? 1 : 0;
      l.late += late ? 1 : 0;
      l.overdue += overdue ? 1 : 0;
    };
    f(total);
    add(groups.byKind, r.kind, f);
    if (r.kind === 'report') {
      add(groups.byCategory, r.category, f);
      add(groups.byCounty, r.county, f);
    }
    if (r.kind !== 'draftComment') add(groups.byUnit, r.unitName ?? '', f);
  }
  const sorted = (m: Map<string, CaseStatsLine>) =>
    [...m.values()].sort((a, b) => a.key.localeCompare(b.key, 'zh'));
  return {
    month,
    total,
    byKind: sorted(groups.byKind),
    byCategory: sorted(groups.byCategory),
    byCounty: sorted(groups.byCounty),
    byUnit: sorted(groups.byUnit),
  };
}

/** The share answered in time, as a whole percentage; null when nothing with a limit was answered. */
export function onTimeRate(l: Pick<CaseStatsLine, 'onTime' | 'late'>): number | null {
  const n = l.onTime + l.late;
  return n === 0 ? null : Math.round((l.onTime / n) * 100);
}
