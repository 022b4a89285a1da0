// The contact-registration board (plan §3.1): has each unit named its deputy leader and information
// officer by the deadline? Pure: the same inputs always give the same board.
import { chinaDate, maskMobile, type CampaignBoardRow, type UnitKind } from '@greenvoice/common';

export interface BoardUnit {
  id: number;
  name: string;
  kind: UnitKind;
}
export interface BoardContact {
  personId: number;
  unitId: number;
  name: string;
  mobile: string | null;
  role: 'deputyLeader' | 'officer';
  assignedAt: string;
}

/**
 * `reportedOn`: the date each unit reported its contacts (the letter's or message's date, recorded by the
 * bureau); when a unit has none, the date its contacts were entered stands in (decision 135).
 */
export function buildBoard(
  units: BoardUnit[],
  contacts: BoardContact[],
  deadline: string,
  today: string,
  reportedOn: ReadonlyMap<number, string> = new Map(),
): { rows: CampaignBoardRow[]; summary: Record<'total' | 'done' | 'late' | 'pending' | 'overdue', number> } {
  const earliest = (unitId: number, role: BoardContact['role']) => {
    const mine = contacts
      .filter((c) => c.unitId === unitId && c.role === role)
      .sort((a, b) => a.assignedAt.localeCompare(b.assignedAt) || a.personId - b.personId);
    const c = mine[0];
    return c
      ? {
          personId: c.personId,
          name: c.name,
          mobileMasked: c.mobile ? maskMobile(c.mobile) : null,
          namedAt: c.assignedAt,
        }
      : null;
  };
  const summary = { total: 0, done: 0, late: 0, pending: 0, overdue: 0 };
  const rows = units.map((u): CampaignBoardRow => {
    const deputyLeader = earliest(u.id, 'deputyLeader');
    const officer = earliest(u.id, 'officer');
    let status: CampaignBoardRow['status'];
    if (deputyLeader && officer) {
      const lastNamed = [deputyLeader.namedAt, officer.namedAt].map(chinaDate).sort().at(-1)!;
      status = (reportedOn.get(u.id) ?? lastNamed) <= deadline ? 'done' : 'late';
    } else {
      status = today > deadline ? 'overdue' : 'pending';
    }
    summary.total++;
    summary[status]++;
    return {
      unitId: u.id,
      unitName: u.name,
      kind: u.kind,
      deputyLeader,
      officer,
      reportedOn: reportedOn.get(u.id) ?? null,
      status,
    };
  });
  return { rows, summary };
}
