import type {
  AccountHistoryEntry,
  MediaAccount,
  MediaAccountInput,
  MediaBoard,
  MetricsRowOut,
  MonthSummary,
  UnitMonthly,
  WciRanking,
} from '@greenvoice/common';
import { api, withQuery, type PageResult } from '../../../shared/api/api-client.ts';
import { uploadFile } from '../../../shared/api/upload.ts';

export interface AccountMetrics {
  account: MediaAccount;
  rows: MetricsRowOut[];
  months: MonthSummary[];
}

export const listAccounts = (p: { q?: string; platform?: string; page?: number; pageSize?: number }) =>
  api.get<PageResult<MediaAccount>>(withQuery('/api/v1/media/accounts', p));
export const getMetrics = (id: number) => api.get<AccountMetrics>(`/api/v1/media/accounts/${id}/metrics`);
export const getHistory = (id: number) =>
  api.get<{ items: AccountHistoryEntry[] }>(`/api/v1/media/accounts/${id}/history`);
export const getBoard = (year?: number) => api.get<MediaBoard>(withQuery('/api/v1/media/board', { year }));
export const getWci = (month: string) => api.get<WciRanking>(withQuery('/api/v1/media/wci', { month }));
export const importMetrics = (id: number, file: File) =>
  uploadFile<{ imported: number }>(`/api/v1/media/accounts/${id}/metrics/import`, 'file', file, file.name);
export const importAccounts = (file: File) =>
  uploadFile<{ created: number; updated: number }>('/api/v1/media/accounts/import', 'file', file, file.name);
export const qrUrl = (id: number) => `/api/v1/media/accounts/${id}/qr.svg`;
/** creates (account null) or updates the account at the version the form was opened with */
export const saveAccount = (account: MediaAccount | null, body: MediaAccountInput) =>
  account
    ? api.patch<MediaAccount>(`/api/v1/media/accounts/${account.id}`, { ...body, version: account.version })
    : api.post<MediaAccount>('/api/v1/media/accounts', body);
export const getUnitMonthly = (unitId: number, year: number) =>
  api.get<UnitMonthly>(withQuery(`/api/v1/media/units/${unitId}/monthly`, { year }));
