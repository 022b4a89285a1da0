// The activities API for the console (docs/activities.md): events with photos, statistics, the
// five-into board, sign-up events with their seats and sign-ups. Every write refreshes the domain.
import type {
  Activity,
  ActivityInput,
  ActivityListQuery,
  ActivityStats,
  NormBoard,
  RegistryEntry,
  RegistryEntryInput,
  RegistryQuery,
  SignupEvent,
  SignupEventInput,
} from '@greenvoice/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery, type PageResult } from '../../../shared/api/api-client.ts';
import { keys } from '../../../shared/api/query-keys.ts';
import { uploadFile } from '../../../shared/api/upload.ts';

export interface Signup {
  id: number;
  code: string;
  name: string;
  organisation: string | null;
  groupSize: number;
  status: 'confirmed' | 'waiting' | 'cancelled';
  createdAt: string;
}

export const useActivities = (q: ActivityListQuery) =>
  useQuery({
    queryKey: keys.activities.list(q),
    queryFn: () => api.get<PageResult<Activity>>(withQuery('/api/v1/activities', { ...q })),
  });
/**
 * Every event of a date range (the calendar's month), read page by page: a month of a province's
 * events may pass one page, and a calendar that silently showed the first 100 would lie.
 */
export const useActivitiesInRange = (q: Omit<ActivityListQuery, 'page' | 'pageSize'>) =>
  useQuery({
    queryKey: keys.activities.list({ range: q }),
    queryFn: async () => {
      const items: Activity[] = [];
      for (let page = 1; ; page++) {
        const r = await api.get<PageResult<Activity>>(
          withQuery('/api/v1/activities', { ...q, page, pageSize: 100 }),
        );
        items.push(...r.items);
        if (items.length >= r.total || r.items.length === 0) return items;
      }
    },
  });
export const useActivityStats = (year: number) =>
  useQuery({
    queryKey: keys.activities.stats(year),
    queryFn: () => api.get<ActivityStats>(withQuery('/api/v1/activities/stats', { year })),
  });
export const useNormBoard = (year: number) =>
  useQuery({
    queryKey: keys.activities.board(year),
    queryFn: () => api.get<NormBoard>(withQuery('/api/v1/activities/five-into-board', { year })),
  });
export const useSignupEvents = () =>
  useQuery({
    queryKey: keys.activities.signupEvents,
    queryFn: () => api.get<{ items: SignupEvent[] }>('/api/v1/signup-events'),
  });
export const useSignups = (eventId: number) =>
  useQuery({
    queryKey: keys.activities.signups(eventId),
    queryFn: () => api.get<{ items: Signup[] }>(`/api/v1/signup-events/${eventId}/signups`),
  });

function useActivitiesWrite<A>(fn: (a: A) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.activities.all }),
  });
}

export const useSaveActivity = () =>
  useActivitiesWrite(({ row, body }: { row: Activity | null; body: ActivityInput }) =>
    row
      ? api.patch<Activity>(`/api/v1/activities/${row.id}`, { ...body, version: row.version })
      : api.post<Activity>('/api/v1/activities', body),
  );
export const useDeleteActivity = () =>
  useActivitiesWrite((id: number) => api.delete(`/api/v1/activities/${id}`));
/** Photos go one request each, so one bad file names itself and the others stay. */
export const useAddActivityPhotos = () =>
  useActivitiesWrite(async ({ id, files }: { id: number; files: File[] }) => {
    for (const f of files) await uploadFile(`/api/v1/activities/${id}/photos`, 'files', f, f.name);
  });
export const useCreateSignupEvent = () =>
  useActivitiesWrite((body: SignupEventInput) => api.post<SignupEvent>('/api/v1/signup-events', body));

export const useRegistry = (q: RegistryQuery) =>
  useQuery({
    queryKey: keys.activities.list({ registry: q }),
    queryFn: () => api.get<PageResult<RegistryEntry>>(withQuery('/api/v1/activity-registry', { ...q })),
  });
export const useSaveRegistryEntry = () =>
  useActivitiesWrite(({ row, body }: { row: RegistryEntry | null; body: RegistryEntryInput }) =>
    row
      ? api.patch<RegistryEntry>(`/api/v1/activity-registry/${row.id}`, { ...body, version: row.version })
      : api.post<RegistryEntry>('/api/v1/activity-registry', body),
  );
