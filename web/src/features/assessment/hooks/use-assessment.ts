import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { isOneOf, PERIOD_KINDS, type PeriodKind } from '@greenvoice/common';
import * as apiCalls from '../api/assessment-api.ts';
import type { PeriodChoice } from '../api/assessment-api.ts';
import { keys } from '../../../shared/api/query-keys.ts';

export function usePlans() {
  return useQuery({ queryKey: keys.assessment.plans, queryFn: apiCalls.listPlans });
}

/** The plan and period a page shows, kept in the address so a link (or a reload) shows the same thing. */
export function usePlanChoice() {
  const plans = usePlans();
  const [params, setParams] = useSearchParams();
  const planId =
    Number(params.get('plan')) || plans.data?.items.find((p) => p.isDemo)?.id || plans.data?.items[0]?.id;
  const periodParam = params.get('period');
  const period: PeriodKind = isOneOf(PERIOD_KINDS, periodParam) ? periodParam : 'year';
  const index = Number(params.get('index')) || undefined;
  const set = (next: Record<string, string | number | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === '') merged.delete(k);
      else merged.set(k, String(v));
    }
    setParams(merged, { replace: true });
  };
  return { plans, planId, choice: { period, index } as PeriodChoice, set };
}

export function usePlan(id: number | undefined) {
  return useQuery({
    queryKey: keys.assessment.plan(id),
    queryFn: () => apiCalls.getPlan(id!),
    enabled: !!id,
  });
}

export function useRanking(id: number | undefined, p: PeriodChoice) {
  return useQuery({
    queryKey: keys.assessment.ranking(id, p),
    queryFn: () => apiCalls.getRanking(id!, p),
    enabled: !!id,
  });
}

export function useTrend(id: number | undefined, group?: string) {
  return useQuery({
    queryKey: keys.assessment.trend(id, group),
    queryFn: () => apiCalls.getTrend(id!, group),
    enabled: !!id,
  });
}

export function useExplanation(id: number | undefined, unitId: number, p: PeriodChoice) {
  return useQuery({
    queryKey: keys.assessment.explanation(id, unitId, p),
    queryFn: () => apiCalls.getExplanation(id!, unitId, p),
    enabled: !!id,
  });
}

export function useBulletins(planId: number | undefined) {
  return useQuery({
    queryKey: keys.assessment.bulletins(planId),
    queryFn: () => apiCalls.listBulletins(planId!),
    enabled: !!planId,
  });
}

export function useInterviews(planId: number | undefined) {
  return useQuery({
    queryKey: keys.assessment.interviews(planId),
    queryFn: () => apiCalls.getInterviews(planId!),
    enabled: !!planId,
  });
}

/** Any change here can move scores, rankings, bulletins and the interview list: refresh them all. */
export function useAssessmentMutation<A, R>(fn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.assessment.all }),
  });
}
