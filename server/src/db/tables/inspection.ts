// Tables owned by the inspection module: only its repository queries them (docs/architecture.md, table
// ownership). Columns holding a domain value carry its union type.
import type { BulletinStatus, FindingCode, SubjectType } from '@greenvoice/common';
import type { Generated } from 'kysely';

export type InspectionTrigger = 'schedule' | 'manual';
export type InspectionRunState = 'done' | 'failed';

export interface InspectionRunsTable {
  id: Generated<number>;
  bureau_unit_id: number;
  /** the day the checks judged (China date) */
  checked_on: string;
  started_at: string;
  finished_at: string;
  trigger: InspectionTrigger;
  run_by: number | null;
  /** failed: the checks could not run — reported as "could not check", never as a pass */
  state: InspectionRunState;
  error: string | null;
  site_score: number;
  site_vetoed: number;
  site_passed: number;
  vetoes: number;
  deductions: number;
  accounts_failed: number;
  pages_checked: number;
  links_checked: number;
  /** pages past the bound, links past the bound and external links: counted, not fetched */
  unchecked: number;
}

export interface InspectionFindingsTable {
  id: Generated<number>;
  run_id: number;
  finding_key: string;
  code: FindingCode;
  veto: number;
  points: number;
  subject_type: SubjectType;
  subject_id: number | null;
  subject_label: string;
  unit_id: number | null;
  since: string | null;
  evidence_zh: string;
  evidence_en: string;
}

export interface InspectionOpenFindingsTable {
  bureau_unit_id: number;
  finding_key: string;
  first_seen_on: string;
  last_alerted_on: string | null;
}

export interface InspectionSettingsTable {
  bureau_unit_id: number;
  repeat_alert_days: number;
  security_incident: string | null;
  security_incident_on: string | null;
  version: Generated<number>;
  updated_at: string;
}

/** the monthly monitoring bulletin (监测通报, decision 187) */
export interface InspectionBulletinsTable {
  id: Generated<number>;
  bureau_unit_id: number;
  /** YYYY-MM */
  month: string;
  /** N of the document number, taken at approval: null while a draft or pending */
  doc_number: number | null;
  title: string;
  body: string;
  copy_to: string;
  /** what the portal shows once published; empty: nothing public */
  public_summary: string;
  status: BulletinStatus;
  /** the month's findings the bulletin was drafted from (JSON, MonitoringSnapshot) */
  snapshot: string;
  return_reason: string | null;
  drafted_by: number;
  approved_by: number | null;
  approved_at: string | null;
  published_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export type LinkOutcome = 'ok' | 'broken' | 'unchecked';

/** an external link's last check, reused for a day (decision 188) */
export interface InspectionLinkChecksTable {
  url: string;
  checked_at: string;
  outcome: LinkOutcome;
  status: number | null;
  detail: string | null;
}
