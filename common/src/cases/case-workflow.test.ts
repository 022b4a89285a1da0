import { describe, expect, it } from 'vitest';
import { CASE_KINDS, type CaseKind } from './case-kinds.ts';
import {
  CASE_ACTIONS,
  CASE_STATUSES,
  availableCaseActions,
  canExtend,
  caseTransition,
  type CaseAction,
  type CaseParty,
  type CaseStatus,
} from './case-workflow.ts';

// Every step the workflow allows: [kind, from, action, party, to]. Anything not listed is refused.
const ALLOWED: Array<[CaseKind, CaseStatus, CaseAction, CaseParty, CaseStatus]> = [
  ['report', 'received', 'accept', 'handler', 'accepted'],
  ['report', 'received', 'notAccept', 'handler', 'notAccepted'],
  ['report', 'accepted', 'assign', 'handler', 'assigned'],
  ['report', 'accepted', 'reply', 'handler', 'replied'],
  ['report', 'assigned', 'countyReply', 'county', 'countyReplied'],
  ['report', 'assigned', 'recall', 'handler', 'accepted'],
  ['report', 'countyReplied', 'recall', 'handler', 'accepted'],
  ['report', 'countyReplied', 'sendBack', 'handler', 'assigned'],
  ['report', 'countyReplied', 'reply', 'handler', 'replied'],
  ['report', 'replied', 'close', 'handler', 'closed'],
  ['infoRequest', 'received', 'requestCompletion', 'handler', 'needsCompletion'],
  ['infoRequest', 'needsCompletion', 'complete', 'person', 'received'],
  ['infoRequest', 'needsCompletion', 'lapse', 'system', 'withdrawn'],
  ['infoRequest', 'received', 'reply', 'handler', 'replied'],
  ['infoRequest', 'replied', 'close', 'handler', 'closed'],
  ...(['mailbox', 'consultation'] as const).flatMap(
    (k): Array<[CaseKind, CaseStatus, CaseAction, CaseParty, CaseStatus]> => [
      [k, 'received', 'assign', 'handler', 'assigned'],
      [k, 'received', 'reply', 'handler', 'replied'],
      [k, 'assigned', 'countyReply', 'county', 'countyReplied'],
      [k, 'assigned', 'recall', 'handler', 'received'],
      [k, 'countyReplied', 'recall', 'handler', 'received'],
      [k, 'countyReplied', 'sendBack', 'handler', 'assigned'],
      [k, 'countyReplied', 'reply', 'handler', 'replied'],
      [k, 'replied', 'close', 'handler', 'closed'],
    ],
  ),
  ['draftComment', 'received', 'notAccept', 'handler', 'notAccepted'],
  ['draftComment', 'received', 'reply', 'handler', 'replied'],
  ['draftComment', 'replied', 'close', 'handler', 'closed'],
];
const PARTIES: CaseParty[] = ['handler', 'county', 'person', 'system'];

describe('case workflow (closed)', () => {
  it.each(ALLOWED)('%s: %s —%s by %s→ %s', (kind, from, action, by, to) => {
    expect(caseTransition({ kind, status: from }, action, by)).toEqual({ to });
  });

  it('refuses every other combination of kind, state, step and party', () => {
    let refused = 0;
    for (const kind of CASE_KINDS)
      for (const status of CASE_STATUSES)
        for (const action of CASE_ACTIONS)
          for (const by of PARTIES) {
            const listed = ALLOWED.some(
              ([k, f, a, p]) => k === kind && f === status && a === action && p === by,
            );
            const r = caseTransition({ kind, status }, action, by);
            expect('to' in r, `${kind} ${status} ${action} ${by}`).toBe(listed);
            if (!listed) refused++;
          }
    expect(refused).toBeGreaterThan(1500);
  });

  it('never lets the county or the person reply, and nothing leaves a final state', () => {
    for (const kind of CASE_KINDS)
      for (const status of ['notAccepted', 'closed', 'withdrawn'] as const)
        for (const by of PARTIES) expect(availableCaseActions({ kind, status }, by)).toEqual([]);
    expect(availableCaseActions({ kind: 'report', status: 'accepted' }, 'county')).toEqual([]);
    expect(availableCaseActions({ kind: 'report', status: 'received' }, 'handler')).toEqual([
      'accept',
      'notAccept',
    ]);
  });

  it('refuses with a message naming the state', () => {
    const r = caseTransition({ kind: 'report', status: 'closed' }, 'reply', 'handler');
    expect(r).toEqual({ refused: expect.objectContaining({ zh: expect.stringContaining('已办结') }) });
  });

  it.each([
    ['report', 'received', false],
    ['report', 'accepted', true],
    ['report', 'assigned', true],
    ['report', 'replied', false],
    ['infoRequest', 'received', true],
    ['infoRequest', 'needsCompletion', false],
    ['mailbox', 'received', false],
  ] as const)('extension of %s in %s: %s', (kind, status, ok) => {
    expect(canExtend({ kind, status })).toBe(ok);
  });
});

describe('completion of an information request (条例 art. 30, decision 210)', () => {
  const received = { kind: 'infoRequest', status: 'received' } as const;
  const waiting = { kind: 'infoRequest', status: 'needsCompletion' } as const;

  it('is asked for once, within 7 working days of receipt', () => {
    const facts = { today: '2026-10-14', completionAskedOn: null, completionAskBy: '2026-10-14' };
    expect(caseTransition(received, 'requestCompletion', 'handler', facts)).toEqual({
      to: 'needsCompletion',
    });
    expect(availableCaseActions(received, 'handler', facts)).toContain('requestCompletion');
    const again = { ...facts, completionAskedOn: '2026-10-09' };
    expect(caseTransition(received, 'requestCompletion', 'handler', again)).toEqual({
      refused: expect.objectContaining({ zh: expect.stringContaining('一次性告知') }),
    });
    expect(availableCaseActions(received, 'handler', again)).toEqual(['reply']);
    const late = { ...facts, today: '2026-10-15' };
    expect(caseTransition(received, 'requestCompletion', 'handler', late)).toEqual({
      refused: expect.objectContaining({ zh: expect.stringContaining('7 个工作日') }),
    });
    expect(availableCaseActions(received, 'handler', late)).not.toContain('requestCompletion');
  });

  it('is taken on the last day of the period, and after it treated as withdrawn instead', () => {
    const due = { completionDue: '2026-11-04' };
    expect(caseTransition(waiting, 'complete', 'person', { ...due, today: '2026-11-04' })).toEqual({
      to: 'received',
    });
    expect(caseTransition(waiting, 'lapse', 'system', { ...due, today: '2026-11-04' })).toHaveProperty(
      'refused',
    );
    const late = caseTransition(waiting, 'complete', 'person', { ...due, today: '2026-11-05' });
    expect(late).toEqual({
      lapsed: true,
      refused: expect.objectContaining({ zh: expect.stringContaining('视为放弃') }),
    });
    expect(caseTransition(waiting, 'lapse', 'system', { ...due, today: '2026-11-05' })).toEqual({
      to: 'withdrawn',
    });
    expect(availableCaseActions(waiting, 'person', { ...due, today: '2026-11-05' })).toEqual([]);
    expect(availableCaseActions(waiting, 'system', { ...due, today: '2026-11-05' })).toEqual(['lapse']);
  });
});
