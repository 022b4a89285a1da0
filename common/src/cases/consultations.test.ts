import { describe, expect, it } from 'vitest';
import { consultationMay, consultationPeriodProblem, consultationPhase } from './consultations.ts';

const c = (status: 'draft' | 'published' | 'withdrawn', resultPublished = false) => ({
  status,
  opensOn: '2026-12-01',
  closesOn: '2026-12-31',
  resultPublished,
});

describe('consultation phases', () => {
  it.each([
    [c('draft'), '2026-12-10', 'draft'],
    [c('withdrawn'), '2026-12-10', 'withdrawn'],
    [c('published'), '2026-11-30', 'upcoming'],
    [c('published'), '2026-12-01', 'open'],
    [c('published'), '2026-12-31', 'open'],
    [c('published'), '2027-01-01', 'closed'],
    [c('published', true), '2027-01-05', 'resultPublished'],
  ] as const)('%o on %s is %s', (clock, today, phase) => {
    expect(consultationPhase(clock, today)).toBe(phase);
  });

  it('allows comments only while open and adoption only after closing', () => {
    expect(consultationMay.comment('open')).toBe(true);
    expect(consultationMay.comment('closed')).toBe(false);
    expect(consultationMay.adopt('open')).toBe(false);
    expect(consultationMay.adopt('closed')).toBe(true);
    expect(consultationMay.publishResult('resultPublished')).toBe(false);
    expect(consultationMay.edit('open')).toBe(false);
  });

  it('refuses a period that ends before it starts', () => {
    expect(consultationPeriodProblem('2026-12-02', '2026-12-01')).not.toBeNull();
    expect(consultationPeriodProblem('2026-12-01', '2026-12-01')).toBeNull();
  });
});
