// A month of self-inspection (decision 187): what the monthly monitoring bulletin (监测通报) reports and
// what the inspection page's trend shows. Pure: runs and their findings in, the month's findings per unit
// (single-veto items first, each with the days it was seen) and the month's figures out.
import type { FindingCode } from './inspection-rules.ts';

/** a finding as one run stored it */
export interface RunFinding {
  key: string;
  code: FindingCode;
  veto: boolean;
  points: number;
  /** null: the site's own finding (the information centre's) */
  unitId: number | null;
  unitName: string | null;
  subjectLabel: string;
  since: string | null;
  evidence: { zh: string; en: string };
}

export interface MonthRun {
  checkedOn: string;
  state: 'done' | 'failed';
  score: number;
  vetoed: boolean;
  passed: boolean;
  accountsFailed: number;
  findings: RunFinding[];
}

/** a finding over the month: the latest run's wording, and when and how often it was seen */
export interface MonthFinding extends RunFinding {
  firstSeenOn: string;
  lastSeenOn: string;
  /** in how many of the month's runs it stood */
  runs: number;
  /** still there in the month's last run */
  open: boolean;
}

export interface MonitoringSnapshot {
  month: string;
  runs: number;
  /** runs that could not check: reported, never counted as a pass */
  failedRuns: number;
  /** the month's last completed run: the state the month ended in */
  last: { checkedOn: string; score: number; vetoed: boolean; passed: boolean; accountsFailed: number } | null;
  findings: MonthFinding[];
}

/** `runs` of one month, oldest first */
export function monitoringMonth(month: string, runs: MonthRun[]): MonitoringSnapshot {
  const done = runs.filter((r) => r.state === 'done');
  const last = done.at(-1) ?? null;
  const lastKeys = new Set(last?.findings.map((f) => f.key));
  const byKey = new Map<string, MonthFinding>();
  for (const r of done)
    for (const f of r.findings) {
      const seen = byKey.get(f.key);
      if (seen) {
        if (seen.lastSeenOn !== r.checkedOn) seen.runs += 1;
        Object.assign(seen, { evidence: f.evidence, points: f.points, lastSeenOn: r.checkedOn });
      } else
        byKey.set(f.key, {
          ...f,
          firstSeenOn: r.checkedOn,
          lastSeenOn: r.checkedOn,
          runs: 1,
          open: false,
        });
    }
  for (const f of byKey.values()) f.open = lastKeys.has(f.key);
  const findings = [...byKey.values()].sort(
    (a, b) =>
      Number(b.veto) - Number(a.veto) ||
      (a.unitId ?? 0) - (b.unitId ?? 0) ||
      a.code.localeCompare(b.code) ||
      a.subjectLabel.localeCompare(b.subjectLabel),
  );
  return {
    month,
    runs: runs.length,
    failedRuns: runs.length - done.length,
    last: last && {
      checkedOn: last.checkedOn,
      score: last.score,
      vetoed: last.vetoed,
      passed: last.passed,
      accountsFailed: last.accountsFailed,
    },
    findings,
  };
}

export interface TrendRun {
  checkedOn: string;
  state: 'done' | 'failed';
  score: number;
  vetoed: boolean;
  vetoes: number;
  deductions: number;
}

export interface InspectionTrendMonth {
  month: string;
  runs: number;
  /** the month's last completed run; null when none completed */
  score: number | null;
  vetoed: boolean;
  vetoes: number | null;
  deductions: number | null;
}

/** One point per month that had runs, oldest first: how the month ended (its last completed run). */
export function inspectionTrend(runs: TrendRun[]): InspectionTrendMonth[] {
  const months = new Map<string, InspectionTrendMonth>();
  for (const r of [...runs].sort((a, b) => a.checkedOn.localeCompare(b.checkedOn))) {
    const month = r.checkedOn.slice(0, 7);
    const m = months.get(month) ?? {
      month,
      runs: 0,
      score: null,
      vetoed: false,
      vetoes: null,
      deductions: null,
    };
    m.runs += 1;
    if (r.state === 'done')
      Object.assign(m, { score: r.score, vetoed: r.vetoed, vetoes: r.vetoes, deductions: r.deductions });
    months.set(month, m);
  }
  return [...months.values()];
}
