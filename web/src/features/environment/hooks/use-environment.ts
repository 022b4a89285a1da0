import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import * as apiCalls from '../api/environment-api.ts';
import type { ImportKind } from '../api/environment-api.ts';
import { keys } from '../../../shared/api/query-keys.ts';

/** Every environment list reloads after any change here: they show each other's data. */
function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: keys.environment.all });
}
function useSave<A extends unknown[], R>(fn: (...args: A) => Promise<R>) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (args: A) => fn(...args), onSettled: refresh });
}

export const useStations = () =>
  useQuery({ queryKey: keys.environment.stations, queryFn: apiCalls.listStations });
export const useAirNow = () => useQuery({ queryKey: keys.environment.airNow, queryFn: apiCalls.airNow });
export const useWaterStatus = () =>
  useQuery({ queryKey: keys.environment.water, queryFn: apiCalls.waterStatus });
export const useSaveStation = () => useSave(apiCalls.saveStation);
export const useSaveSection = () => useSave(apiCalls.saveSection);
export const useImports = (p: apiCalls.PageParams) =>
  useQuery({
    queryKey: keys.environment.imports(p),
    queryFn: () => apiCalls.listImports(p),
    placeholderData: keepPreviousData,
  });

export const useDischargers = (p: { q?: string; page: number; pageSize: number }) =>
  useQuery({
    queryKey: keys.environment.dischargers(p),
    queryFn: () => apiCalls.listDischargers(p),
    placeholderData: keepPreviousData,
  });
export const useDischarger = (id: number | null) =>
  useQuery({
    queryKey: keys.environment.discharger(id),
    queryFn: () => apiCalls.getDischarger(id!),
    enabled: id !== null,
  });
export const useSaveDischarger = () => useSave(apiCalls.saveDischarger);
export const useAddDisclosure = () => useSave(apiCalls.addDisclosure);
export const useMarkPublished = () => useSave(apiCalls.markPublished);
export const useOverdue = (asOf?: string) =>
  useQuery({ queryKey: keys.environment.overdue(asOf), queryFn: () => apiCalls.overdueList(asOf) });

export const useIncidents = (p: apiCalls.PageParams) =>
  useQuery({
    queryKey: keys.environment.incidents(p),
    queryFn: () => apiCalls.listIncidents(p),
    placeholderData: keepPreviousData,
  });
export const useCreateIncident = () => useSave(apiCalls.createIncident);
export const useAddFollowUp = () => useSave(apiCalls.addFollowUp);

export const useCalendar = (year: number) =>
  useQuery({ queryKey: keys.environment.calendar(year), queryFn: () => apiCalls.getCalendar(year) });
export const usePutCalendar = () => useSave(apiCalls.putCalendar);

export type ImportPhase = 'idle' | 'uploading' | 'processing' | 'done' | 'failed';

export function useImportReadings() {
  const refresh = useRefresh();
  const [percent, setPercent] = useState(0);
  const [uploaded, setUploaded] = useState(false);
  const mutation = useMutation({
    mutationFn: ({ kind, file }: { kind: ImportKind; file: File }) => {
      setPercent(0);
      setUploaded(false);
      return apiCalls.importReadings(kind, file, {
        onProgress: setPercent,
        onUploaded: () => setUploaded(true),
      });
    },
    onSuccess: refresh,
  });
  const phase: ImportPhase = mutation.isPending
    ? uploaded
      ? 'processing'
      : 'uploading'
    : mutation.isSuccess
      ? 'done'
      : mutation.isError
        ? 'failed'
        : 'idle';
  return { ...mutation, phase, percent };
}
