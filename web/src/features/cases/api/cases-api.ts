import type {
  CaseActionInput,
  CaseDetail,
  CaseQueueQuery,
  CaseSummary,
  CountyOption,
  PublicationInput,
  PublicationWithdrawInput,
  ReporterIdentity,
} from '@greenvoice/common';
import { api, withQuery, type PageResult } from '../../../shared/api/api-client.ts';

export const listCases = (q: CaseQueueQuery) =>
  api.get<PageResult<CaseSummary>>(withQuery('/api/v1/cases', q));
export const getCase = (id: number) => api.get<CaseDetail>(`/api/v1/cases/${id}`);
export const counties = () => api.get<CountyOption[]>('/api/v1/cases/counties');
export const actOnCase = (id: number, body: CaseActionInput) =>
  api.post<CaseDetail>(`/api/v1/cases/${id}/actions`, body);
export const requestExtension = (id: number, body: { version: number; days: number; reason: string }) =>
  api.post<CaseDetail>(`/api/v1/cases/${id}/extension`, body);
export const decideExtension = (id: number, body: { version: number; approve: boolean }) =>
  api.post<CaseDetail>(`/api/v1/cases/${id}/extension/decision`, body);
export const revealReporter = (id: number) => api.get<ReporterIdentity>(`/api/v1/cases/${id}/reporter`);
export const editPublication = (id: number, body: PublicationInput) =>
  api.put<CaseDetail>(`/api/v1/cases/${id}/publication`, body);
export const withdrawPublication = (id: number, body: PublicationWithdrawInput) =>
  api.post<CaseDetail>(`/api/v1/cases/${id}/publication/withdraw`, body);
