import type {
  Bulletin,
  Deduction,
  DryRunResult,
  Interview,
  InterviewList,
  InterviewRule,
  PeriodKind,
  PlanDetail,
  PlanSummary,
  PlanVersion,
  RulesImpact,
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
export const rulesImpact = (planId: number, document: unknown) =>
  api.post<RulesImpact>('/api/v1/bulletins/rules-impact', { planId, document });
export const getPlanVersion = (id: number, rulesVersion: number) =>
  api.get<PlanVersion>(`${plans}/${id}/versions/${rulesVersion}`);
export const restoreRules = (id: number, rulesVersion: number, version: number) =>
  api.post<PlanDetail>(`${plans}/${id}/versions/${rulesVersion}/restore`, { version });
export const getRulesDoc = () => api.get<{ markdown: string }>('/api/v1/assessment/rules-doc');
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
export interface InterviewSchedule {
  date: string;
  time: string;
  place: string;
  interviewer: string;
}
export const confirmInterview = (planId: number, body: InterviewSchedule & { unitId: number }) =>
  api.post<InterviewList>(`${plans}/${planId}/interviews`, body);
export const interviewStep = (
  id: number,
  step: 'withdraw' | 'minutes' | 'rectified',
  body: { version: number } & Record<string, string | number>,
) => api.post<Interview>(`/api/v1/interviews/${id}/${step}`, body);
export const ownInterviews = () =>
  api.get<{ items: Array<Interview & { planTitle: string }> }>('/api/v1/interviews/mine');
export const deleteBulletin = (id: number, version: number) =>
  api.delete<{ ok: true }>(withQuery(`/api/v1/bulletins/${id}`, { version }));

export const listDeductions = (planId: number) =>
  api.get<{ items: Deduction[]; negativeList: Array<{ code: string; name: string; points: number }> }>(
    `${plans}/${planId}/deductions`,
  );
export const createDeduction = (
  planId: number,
  body: { unitId: number; code: string; date: string; reason: string; evidence: string },
) => api.post<Deduction>(`${plans}/${planId}/deductions`, body);
export const deleteDeduction = (id: number, reason: string) =>
  api.post<{ ok: true }>(`/api/v1/assessment/deductions/${id}/delete`, { reason });
