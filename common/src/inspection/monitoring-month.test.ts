import { describe, expect, it } from 'vitest';
import { inspectionTrend, monitoringMonth, type MonthRun } from './monitoring-month.ts';

const finding = (
  key: string,
  veto: boolean,
  unitId: number | null,
  zh = key,
): MonthRun['findings'][number] => ({
  key,
  code: veto ? 'homeStale' : 'brokenLink',
  veto,
  points: veto ? 0 : 1,
  unitId,
  unitName: unitId ? `单位${unitId}` : null,
  subjectLabel: key,
  since: null,
  evidence: { zh, en: key },
});
const run = (
  checkedOn: string,
  findings: MonthRun['findings'],
  state: MonthRun['state'] = 'done',
): MonthRun => ({
  checkedOn,
  state,
  score: 90,
  vetoed: findings.some((f) => f.veto),
  passed: !findings.some((f) => f.veto),
  accountsFailed: 0,
  findings,
});

describe('a month of inspection', () => {
  it('merges the runs’ findings: single vetoes first, days seen, the latest wording, open or put right', () => {
    const s = monitoringMonth('2026-11', [
      run('2026-11-01', [finding('link:a', false, 3, '旧'), finding('home', true, null)]),
      run('2026-11-02', [], 'failed'),
      run('2026-11-03', [finding('link:a', false, 3, '新')]),
    ]);
    expect(s).toMatchObject({ month: '2026-11', runs: 3, failedRuns: 1, last: { checkedOn: '2026-11-03' } });
    expect(s.findings.map((f) => [f.key, f.runs, f.open])).toEqual([
      ['home', 1, false],
      ['link:a', 2, true],
    ]);
    expect(s.findings[1]!.evidence.zh).toBe('新');
    expect(s.findings[1]!.firstSeenOn).toBe('2026-11-01');
  });

  it('a month whose every run failed has no verdict, never a pass', () => {
    const s = monitoringMonth('2026-11', [run('2026-11-01', [], 'failed')]);
    expect(s.last).toBeNull();
    expect(s.findings).toEqual([]);
  });

  it('the trend takes each month’s last completed run', () => {
    const t = inspectionTrend([
      { checkedOn: '2026-11-20', state: 'done', score: 80, vetoed: false, vetoes: 0, deductions: 5 },
      { checkedOn: '2026-10-02', state: 'done', score: 70, vetoed: true, vetoes: 1, deductions: 9 },
      { checkedOn: '2026-11-30', state: 'failed', score: 0, vetoed: false, vetoes: 0, deductions: 0 },
    ]);
    expect(t).toEqual([
      { month: '2026-10', runs: 1, score: 70, vetoed: true, vetoes: 1, deductions: 9 },
      { month: '2026-11', runs: 2, score: 80, vetoed: false, vetoes: 0, deductions: 5 },
    ]);
  });
});
