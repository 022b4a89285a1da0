// The rule a disclosure deadline comes from (decision 115): 部令第24号 from 2022-02-08, 部令第31号 before.
import { describe, expect, it } from 'vitest';
import { annualReportOwed, temporaryReportRule } from './disclosure.ts';

describe('disclosure rules by date', () => {
  it.each([
    ['2014-12-31', null],
    ['2015-01-01', 'order31'],
    ['2018-02-12', 'order31'],
    ['2022-02-07', 'order31'],
    ['2022-02-08', 'order24'],
    ['2026-11-30', 'order24'],
  ] as const)('an event on %s: %s', (date, rule) => {
    expect(temporaryReportRule(date)).toBe(rule);
  });

  it.each([
    [2017, false],
    [2021, false],
    [2022, true],
    [2025, true],
  ] as const)('annual report for %i owed: %s', (year, owed) => {
    expect(annualReportOwed(year)).toBe(owed);
  });
});
