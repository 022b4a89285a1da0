// Deadlines by the rule in force at the time (decision 115): no annual report before 2022, an event
// before 2022-02-08 counted in 30 calendar days (部令第31号), one from that day in 5 working days.
import { describe, expect, it } from 'vitest';
import { obligations } from './deadlines.ts';

const unit = { id: 1, name: '测试化工', county: '鼎城区', listedYear: 2020 };
const noCalendar = { years: new Set<number>(), days: new Map() };
const temporary = (id: number, eventDate: string, publishedOn: string | null) => ({
  id,
  kind: 'temporary',
  title: `临时报告${id}`,
  year: null,
  eventDate,
  publishedOn,
});

describe('disclosure deadlines', () => {
  it('owes annual reports from 2022 only, and counts each event by its own rule', () => {
    const owed = obligations(
      unit,
      [
        { id: 9, kind: 'annual', title: '2022年度', year: 2022, eventDate: null, publishedOn: '2023-03-10' },
        temporary(1, '2021-06-01', '2021-06-25'), // 31号: due 1 July, on time
        temporary(2, '2022-02-07', null), // the day before 24号: 30 days
        temporary(3, '2022-02-08', '2022-02-16'), // 24号: 5 working days → Tue 15 Feb; late
      ],
      noCalendar,
      '2024-01-10',
    );
    expect(owed.map((o) => [o.kind, o.year ?? o.eventDate, o.rule, o.dueOn, o.status])).toEqual([
      ['annual', 2022, 'order24', '2023-03-15', 'onTime'],
      ['annual', 2023, 'order24', '2024-03-15', 'pending'], // 2020 and 2021: none
      ['temporary', '2021-06-01', 'order31', '2021-07-01', 'onTime'],
      ['temporary', '2022-02-07', 'order31', '2022-03-09', 'overdue'],
      ['temporary', '2022-02-08', 'order24', '2022-02-15', 'late'],
    ]);
  });
});
