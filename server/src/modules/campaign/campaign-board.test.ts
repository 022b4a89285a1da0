import { describe, expect, it } from 'vitest';
import { buildBoard, type BoardContact } from './campaign-board.ts';

const units = [
  { id: 1, name: '甲局', kind: 'countyBureau' as const },
  { id: 2, name: '乙局', kind: 'countyBureau' as const },
  { id: 3, name: '丙科', kind: 'department' as const },
];
const c = (
  unitId: number,
  role: BoardContact['role'],
  assignedAt: string,
  personId = unitId * 10 + (role === 'officer' ? 1 : 2),
): BoardContact => ({ personId, unitId, name: `人${personId}`, mobile: '13912345678', role, assignedAt });

describe('contact-registration board', () => {
  const contacts = [
    c(1, 'deputyLeader', '2018-04-10T02:00:00Z'),
    c(1, 'officer', '2018-04-30T15:59:00Z'), // 23:59 in China on the deadline: on time
    c(2, 'deputyLeader', '2018-04-12T02:00:00Z'),
    c(2, 'officer', '2018-04-30T16:01:00Z'), // 00:01 on 1 May in China: late
    c(3, 'officer', '2018-04-01T02:00:00Z'),
  ];

  it('marks on-time, late and missing units, counting deadlines in China time', () => {
    const { rows, summary } = buildBoard(units, contacts, '2018-04-30', '2026-11-29');
    expect(rows.map((r) => r.status)).toEqual(['done', 'late', 'overdue']);
    expect(summary).toEqual({ total: 3, done: 1, late: 1, pending: 0, overdue: 1 });
    expect(rows[0]!.officer!.mobileMasked).toBe('139****5678');
  });

  it('shows a unit still missing a contact as pending before the deadline', () => {
    const { rows } = buildBoard(units, contacts, '2018-04-30', '2018-04-20');
    expect(rows[2]!.status).toBe('pending');
  });

  it('takes the earliest-named person when a unit named two', () => {
    const { rows } = buildBoard(
      units,
      [...contacts, c(1, 'officer', '2018-03-01T00:00:00Z', 99)],
      '2018-04-30',
      '2026-11-29',
    );
    expect(rows[0]!.officer!.personId).toBe(99);
  });

  it('counts the date the unit reported, not the day its contacts were typed in', () => {
    const reported = new Map([[2, '2018-04-28']]);
    const { rows } = buildBoard(units, contacts, '2018-04-30', '2026-11-29', reported);
    expect(rows[1]).toMatchObject({ status: 'done', reportedOn: '2018-04-28' });
    expect(rows[0]!.reportedOn).toBeNull();
    // a report after the deadline is late even when it was typed in on time
    const late = buildBoard(units, contacts, '2018-04-30', '2026-11-29', new Map([[1, '2018-05-03']]));
    expect(late.rows[0]!.status).toBe('late');
  });
});
