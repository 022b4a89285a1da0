import type { AuditRecord } from '@greenvoice/common';
import { api, withQuery, type PageResult } from '../../../shared/api/api-client.ts';

export type AuditResult = 'success' | 'failure' | 'denied';

export interface AuditListParams {
  page: number;
  pageSize: number;
  action?: string;
  actor?: string;
  result?: AuditResult;
  /** YYYY-MM-DD, inclusive */
  from?: string;
  to?: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBadId: number | null;
  reason: string | null;
}

export const listAudit = (p: AuditListParams) =>
  api.get<PageResult<AuditRecord>>(withQuery('/api/v1/audit', { ...p }));
export const verifyAudit = () => api.get<AuditVerifyResult>('/api/v1/audit/verify');
