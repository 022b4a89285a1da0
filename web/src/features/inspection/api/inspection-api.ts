import type {
  BulletinAction,
  InspectionBulletin,
  InspectionRun,
  InspectionRunDetail,
  InspectionTrend,
} from '@greenvoice/common';
import { api, withQuery, type PageResult } from '../../../shared/api/api-client.ts';

export interface InspectionSettings {
  repeatAlertDays: number;
  securityIncident: string | null;
  securityIncidentOn: string | null;
}

export const listRuns = (p: { page: number; pageSize: number }) =>
  api.get<PageResult<InspectionRun>>(withQuery('/api/v1/inspection/runs', { ...p }));
export const getRun = (id: number) => api.get<InspectionRunDetail>(`/api/v1/inspection/runs/${id}`);
export const getRunOfFinding = (id: number) =>
  api.get<{ runId: number }>(`/api/v1/inspection/findings/${id}/run`);
export const startRun = () => api.post<{ id: number } | null>('/api/v1/inspection/runs');
export const getSettings = () => api.get<InspectionSettings>('/api/v1/inspection/settings');
export const saveSettings = (body: { repeatAlertDays: number; securityIncident: string | null }) =>
  api.put<InspectionSettings>('/api/v1/inspection/settings', body);

export const getTrend = () => api.get<InspectionTrend>('/api/v1/inspection/trend');

const bulletins = '/api/v1/inspection/bulletins';
export const listBulletins = () => api.get<{ items: InspectionBulletin[] }>(bulletins);
export const createBulletin = (month: string) => api.post<InspectionBulletin>(bulletins, { month });
export const editBulletin = (
  id: number,
  body: { version: number; title: string; body: string; copyTo: string; publicSummary: string },
) => api.patch<InspectionBulletin>(`${bulletins}/${id}`, body);
export const bulletinStep = (
  id: number,
  action: BulletinAction,
  body: { version: number; reason?: string },
) => api.post<InspectionBulletin>(`${bulletins}/${id}/${action}`, body);
export const bulletinDocx = (id: number) => `${bulletins}/${id}/file.docx`;
