import { describe, expect, it } from 'vitest';
import {
  accountFlags,
  openingReminderDue,
  openingStatus,
  silentSpells,
  type PostHistory,
} from './silence.ts';

const h = (o: Partial<PostHistory>): PostHistory => ({
  openedOn: '2018-03-01',
  stoppedOn: null,
  deregisteredOn: null,
  postDays: [],
  postMonths: [],
  firstDataDay: null,
  ...o,
});

describe('silent spells (more than 14 days without a post)', () => {
  it.each([
    [
      'never posted since opening: silent from day 15',
      h({}),
      '2018-03-20',
      [{ from: '2018-03-01', silentFrom: '2018-03-16', until: null, days: 19, neverPosted: true }],
    ],
    ['exactly 14 days after opening: not yet', h({}), '2018-03-15', []],
    [
      '15 days: silent',
      h({}),
      '2018-03-16',
      [{ from: '2018-03-01', silentFrom: '2018-03-16', until: null, days: 15, neverPosted: true }],
    ],
    [
      'a 14-day gap between posts is allowed, 15 is not',
      h({ postDays: ['2018-03-01', '2018-03-15', '2018-03-31'], firstDataDay: '2018-03-01' }),
      '2018-04-05',
      [{ from: '2018-03-15', silentFrom: '2018-03-30', until: '2018-03-31', days: 16, neverPosted: false }],
    ],
    [
      'first post 20 days after opening',
      h({ postDays: ['2018-03-21'], firstDataDay: '2018-03-01' }),
      '2018-03-25',
      [{ from: '2018-03-01', silentFrom: '2018-03-16', until: '2018-03-21', days: 20, neverPosted: true }],
    ],
    [
      'metrics begin after the opening: nothing is known before them',
      h({ openedOn: '2016-01-01', firstDataDay: '2018-01-01', postDays: ['2018-01-05'] }),
      '2018-01-10',
      [],
    ],
    ['a stopped account is counted up to its stop day', h({ stoppedOn: '2018-03-10' }), '2018-06-01', []],
    [
      'a month known only as a total: first and last day count as posts',
      h({ openedOn: '2018-01-01', postMonths: ['2018-01', '2018-02'], firstDataDay: '2018-01-01' }),
      '2018-03-01',
      [],
    ],
    ['not opened yet', h({ openedOn: '2018-05-01' }), '2018-04-01', []],
  ])('%s', (_label, history, today, spells) => {
    expect(silentSpells(history, today)).toEqual(spells);
  });
});

describe('board flags', () => {
  const working = { messages: 'working', autoReply: 'absent', menu: 'absent' } as const;
  it.each([
    [
      'active, posting, filed, one function working',
      {
        state: 'active',
        filing: 'filed',
        functions: working,
        postDays: ['2018-03-10'],
        firstDataDay: '2018-03-01',
      },
      [],
    ],
    [
      'never posted, nothing works, not filed',
      {
        state: 'active',
        filing: 'notFiled',
        functions: { messages: 'broken', autoReply: 'absent', menu: 'absent' },
      },
      ['silent', 'noWorkingInteraction', 'notFiled'],
    ],
    [
      'stopped but not deregistered (not also silent)',
      { state: 'stopped', filing: 'filed', functions: working, stoppedOn: '2018-03-05' },
      ['stoppedNotDeregistered'],
    ],
    [
      'deregistered: nothing to flag',
      { state: 'deregistered', filing: 'notFiled', functions: working, deregisteredOn: '2018-03-05' },
      [],
    ],
  ] as const)('%s', (_label, a, flags) => {
    expect(accountFlags({ ...h({}), ...a }, '2018-03-20').flags).toEqual(flags);
  });
});

describe('opening deadline', () => {
  it.each([
    ['2018-06-30', '2018-07-10', 'onTime', 0],
    ['2018-07-03', '2018-07-10', 'late', 3],
    [null, '2018-07-10', 'missing', 10],
    [null, '2018-06-01', 'pending', 0],
  ] as const)('opened %s, today %s → %s', (opened, today, status, daysLate) => {
    expect(openingStatus(opened, '2018-06-30', today)).toEqual({ status, daysLate });
  });
});

describe('the reminder due before the opening deadline (30, 7 and 1 days before; decision 211)', () => {
  it.each([
    ['2018-05-30', null], // 31 days before: none yet
    ['2018-05-31', { threshold: 30, daysLeft: 30 }],
    ['2018-06-10', { threshold: 30, daysLeft: 20 }], // the 30-day one, caught up
    ['2018-06-23', { threshold: 7, daysLeft: 7 }],
    ['2018-06-26', { threshold: 7, daysLeft: 4 }], // 30 and 7 both missed: the most urgent only
    ['2018-06-29', { threshold: 1, daysLeft: 1 }],
    ['2018-06-30', { threshold: 1, daysLeft: 0 }], // the deadline day still counts
    ['2018-07-01', null], // past the deadline: the board says "missing", no reminder
  ] as const)('on %s → %j', (today, expected) => {
    expect(openingReminderDue('2018-06-30', today)).toEqual(expected);
  });
});
