import type {
  Bulletin,
  DryRunResult,
  InterviewList,
  InterviewRule,
  PeriodKind,
  PlanDetail,
  PlanSummary,
  Ranking,
  ScoreExplanation,
  Trend,
} from '@greenvoice/common';
import { api, withQuery } from '../../../shared/api/api-client.ts';

export interface PeriodChoice {
  period: PeriodKind;
  index?: number;
  group?: string;
}

const plans = '/api/v1/assessment/plans';
export const listPlans = () => api.get<{ items: PlanSummary[] }>(plans);
export const getPlan = (id: number) => api.get<PlanDetail>(`${plans}/${id}`);
export const dryRun = (id: number, document: unknown) =>
  api.post<DryRunResult>(`${plans}/${id}/dry-run`, { document });
export const saveRules = (id: number, body: { version: number; document: unknown; note: string }) =>
  api.put<PlanDetail>(`${plans}/${id}/rules`, body);
export const copyPlan = (id: number, year: number) => api.post<PlanDetail>(`${plans}/${id}/copy`, { year });
export const updatePlan = (
  id: number,
  body: { version: number; interviewRule?: InterviewRule; title?: string },
) => api.patch<PlanDetail>(`${plans}/${id}`, body);
export const getRanking = (id: number, p: PeriodChoice) =>
  api.get<Ranking>(withQuery(`${plans}/${id}/rankings`, { ...p }));
export const getTrend = (id: number, group?: string) =>
  api.get<Trend>(withQuery(`${plans}/${id}/trend`, { group }));
export const getExplanation = (id: number, unitId: number, p: PeriodChoice) =>
  api.get<ScoreExplanation>(
    withQuery(`${plans}/${id}/units/${unitId}/score`, { period: p.period, index: p.index }),
  );

export const listBulletins = (planId: number) =>
  api.get<{ items: Bulletin[] }>(withQuery('/api/v1/bulletins', { planId }));
export const createBulletin = (body: { planId: number; period: 'month' | 'quarter'; index: number }) =>
  api.post<Bulletin>('/api/v1/bulletins', body);
export const bulletinAction = (id: number, action: string, body: { version: number; reason?: string }) =>
  api.post<Bulletin>(`/api/v1/bulletins/${id}/${action}`, body);
export const editBulletin = (id: number, body: { version: number; title?: string; body?: string }) =>
  api.patch<Bulletin>(`/api/v1/bulletins/${id}`, body);

export const getInterviews = (planId: number) => api.get<InterviewList>(`${plans}/${planId}/interviews`);
export const confirmInterview = (planId: number, unitId: number) =>
  api.post<InterviewList>(`${plans}/${planId}/interviews`, { unitId });
