// The contest API for the console (docs/contest.md): contests, schools, works and their photos, judges
// and assignment, the judge's own blind sheets, results, the award proposal and its approval.
import type {
  BlindSheet,
  Contest,
  ContestInput,
  ContestResults,
  Person,
  School,
  SchoolInput,
  SheetInput,
  Work,
  WorkInput,
} from '@greenvoice/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery, type PageResult } from '../../../shared/api/api-client.ts';
import { keys } from '../../../shared/api/query-keys.ts';
import { uploadFile } from '../../../shared/api/upload.ts';

export interface Judge {
  id: number;
  personId: number;
  name: string;
  schoolName: string | null;
  countyName: string | null;
  assigned: number;
  scored: number;
}

/** an awarded work's certificate as Word, once the awards are locked (decision 196) */
export const certificateDocx = (contestId: number, workId: number) =>
  `/api/v1/contests/${contestId}/works/${workId}/certificate.docx`;

export const useContests = () =>
  useQuery({
    queryKey: keys.contest.list,
    queryFn: () => api.get<{ items: Contest[] }>('/api/v1/contests'),
  });
const part =
  <T>(p: 'schools' | 'works' | 'judges') =>
  (id: number | undefined, enabled = true) =>
    useQuery({
      queryKey: keys.contest.part(id ?? 0, p),
      queryFn: () => api.get<{ items: T[] }>(`/api/v1/contests/${id}/${p}`),
      enabled: !!id && enabled,
    });
export const useSchools = part<School>('schools');
export const useWorks = part<Work>('works');
export const useJudges = part<Judge>('judges');
export const useResults = (id: number | undefined, enabled = true) =>
  useQuery({
    queryKey: keys.contest.part(id ?? 0, 'results'),
    queryFn: () => api.get<ContestResults>(`/api/v1/contests/${id}/results`),
    enabled: !!id && enabled,
  });
export const useMySheets = () =>
  useQuery({
    queryKey: keys.contest.sheets,
    queryFn: () => api.get<{ items: BlindSheet[] }>('/api/v1/contest-sheets'),
  });
/** staff to name as judges: a search by name within the actor's scope */
export const usePeopleSearch = (q: string) =>
  useQuery({
    queryKey: keys.people.list({ q, for: 'judges' }),
    queryFn: () => api.get<PageResult<Person>>(withQuery('/api/v1/people', { q, page: 1, pageSize: 20 })),
  });

/** Every contest write refreshes the whole contest domain: counts, sheets and results move together. */
function useContestWrite<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.contest.all }),
  });
}

export const useCreateContest = () =>
  useContestWrite((body: ContestInput) => api.post<Contest>('/api/v1/contests', body));
export const useRegisterSchool = (id: number) =>
  useContestWrite((body: SchoolInput) => api.post<School>(`/api/v1/contests/${id}/schools`, body));
export const useEnterWork = (id: number) =>
  useContestWrite((body: WorkInput) => api.post<Work>(`/api/v1/contests/${id}/works`, body));
export const useAddWorkPhotos = (id: number) =>
  useContestWrite(async ({ workId, files }: { workId: number; files: File[] }) => {
    for (const f of files)
      await uploadFile(`/api/v1/contests/${id}/works/${workId}/photos`, 'files', f, f.name);
  });
export const useAddJudge = (id: number) =>
  useContestWrite((body: { personId: number; schoolId?: number | null; countyUnitId?: number | null }) =>
    api.post(`/api/v1/contests/${id}/judges`, body),
  );
export const useAssign = (id: number) =>
  useContestWrite(() => api.post<{ added: number; sheets: number }>(`/api/v1/contests/${id}/assign`));
export const useScoreSheet = () =>
  useContestWrite(({ sheetId, body }: { sheetId: number; body: SheetInput }) =>
    api.put<BlindSheet>(`/api/v1/contest-sheets/${sheetId}`, body),
  );
export const usePropose = (id: number) =>
  useContestWrite(() => api.post<ContestResults>(`/api/v1/contests/${id}/propose`));
export const useApprove = (id: number) =>
  useContestWrite(() => api.post<ContestResults>(`/api/v1/contests/${id}/approve`));
