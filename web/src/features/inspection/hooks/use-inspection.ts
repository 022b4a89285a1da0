import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { keys } from '../../../shared/api/query-keys.ts';
import {
  getRun,
  getRunOfFinding,
  getSettings,
  getTrend,
  listBulletins,
  listRuns,
  saveSettings,
  startRun,
} from '../api/inspection-api.ts';

export const useRuns = (p: { page: number; pageSize: number }) =>
  useQuery({ queryKey: keys.inspection.runs(p), queryFn: () => listRuns(p) });
export const useRun = (id: number | null) =>
  useQuery({ queryKey: keys.inspection.run(id ?? 0), queryFn: () => getRun(id!), enabled: id !== null });
/** "why this score" links a finding fact here: the run it belongs to (decision 195) */
export const useRunOfFinding = (id: number | null) =>
  useQuery({
    queryKey: keys.inspection.runOfFinding(id ?? 0),
    queryFn: () => getRunOfFinding(id!),
    enabled: id !== null,
  });
export const useInspectionSettings = () =>
  useQuery({ queryKey: keys.inspection.settings, queryFn: getSettings });

export const useTrend = () => useQuery({ queryKey: keys.inspection.trend, queryFn: getTrend });
export const useBulletins = () => useQuery({ queryKey: keys.inspection.bulletins, queryFn: listBulletins });

/** any change here (a run, settings, a bulletin's step) refreshes the whole page's reads */
export function useInspectionMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.inspection.all }),
  });
}
export const useStartRun = () => useInspectionMutation(startRun);
export const useSaveSettings = () => useInspectionMutation(saveSettings);
