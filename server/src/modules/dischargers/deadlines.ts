// Which disclosures an enterprise owes and whether each was on time, by the rule in force at the time
// (decision 115): 部令第24号 from 2022-02-08 — the annual report by 15 March of the next year for 2022
// on, a temporary report within 5 working days of the event; before it 部令第31号 — no annual report,
// new information within 30 days. Pure.
import {
  ORDER_31_NEW_INFO_DAYS,
  TEMPORARY_REPORT_WORKING_DAYS,
  addDays,
  addWorkingDays,
  annualReportDue,
  annualReportOwed,
  obligationStatus,
  temporaryReportRule,
  type Obligation,
  type WorkingCalendar,
} from '@greenvoice/common';

export interface DischargerFacts {
  id: number;
  name: string;
  county: string;
  listedYear: number;
}
export interface DisclosureFacts {
  id: number;
  kind: string;
  title: string;
  year: number | null;
  eventDate: string | null;
  publishedOn: string | null;
}

const daysLate = (due: string, until: string) =>
  Math.max(0, Math.round((Date.parse(until) - Date.parse(due)) / 86_400_000));

export function obligations(
  d: DischargerFacts,
  disclosures: readonly DisclosureFacts[],
  calendar: WorkingCalendar,
  asOf: string,
): Obligation[] {
  const out: Obligation[] = [];
  const asOfYear = Number(asOf.slice(0, 4));
  // Annual reports for every year on the list that has ended by `asOf` and that the rule covers.
  for (let year = d.listedYear; year < asOfYear; year++) {
    if (!annualReportOwed(year)) continue;
    const reports = disclosures.filter((x) => x.kind === 'annual' && x.year === year);
    const published =
      reports
        .map((r) => r.publishedOn)
        .filter((p): p is string => p !== null)
        .sort()[0] ?? null;
    const dueOn = annualReportDue(year);
    const status = obligationStatus(dueOn, published, asOf);
    out.push({
      dischargerId: d.id,
      dischargerName: d.name,
      county: d.county,
      kind: 'annual',
      year,
      disclosureId: reports[0]?.id ?? null,
      title: `${year}年度环境信息依法披露报告`,
      eventDate: null,
      dueOn,
      publishedOn: published,
      status,
      daysLate:
        status === 'late' ? daysLate(dueOn, published!) : status === 'overdue' ? daysLate(dueOn, asOf) : 0,
      uncertain: false,
      rule: 'order24',
    });
  }
  for (const t of disclosures) {
    if (t.kind !== 'temporary' || t.eventDate === null) continue;
    const rule = temporaryReportRule(t.eventDate);
    if (rule === null) continue;
    const due =
      rule === 'order24'
        ? addWorkingDays(t.eventDate, TEMPORARY_REPORT_WORKING_DAYS, calendar)
        : { date: addDays(t.eventDate, ORDER_31_NEW_INFO_DAYS), uncertain: false };
    const status = obligationStatus(due.date, t.publishedOn, asOf);
    out.push({
      dischargerId: d.id,
      dischargerName: d.name,
      county: d.county,
      kind: 'temporary',
      year: null,
      disclosureId: t.id,
      title: t.title,
      eventDate: t.eventDate,
      dueOn: due.date,
      publishedOn: t.publishedOn,
      status,
      daysLate:
        status === 'late'
          ? daysLate(due.date, t.publishedOn!)
          : status === 'overdue'
            ? daysLate(due.date, asOf)
            : 0,
      uncertain: due.uncertain,
      rule,
    });
  }
  return out;
}
