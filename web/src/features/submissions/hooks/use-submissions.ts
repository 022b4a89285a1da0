import { keys } from '../../../shared/api/query-keys.ts';
import type {
  OutcomeInput,
  ReviewInput,
  SubmissionInput,
  SubmissionListQuery,
  SubmissionUpdate,
} from '@greenvoice/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  activeOutlets,
  bulkApprove,
  coUnitOptions,
  commentOn,
  createSubmission,
  deleteSubmission,
  getSubmission,
  listSubmissions,
  offeredKinds,
  recordOutcome,
  reviewSubmission,
  submitSubmission,
  updateSubmission,
  withdrawSubmission,
} from '../api/submissions-api.ts';

export function useSubmissions(q: SubmissionListQuery) {
  return useQuery({
    queryKey: keys.submissions.list(q),
    queryFn: () => listSubmissions(q),
    placeholderData: keepPreviousData,
  });
}

export function useSubmission(id: number) {
  return useQuery({ queryKey: keys.submissions.detail(id), queryFn: () => getSubmission(id) });
}

export function useOutletOptions() {
  return useQuery({ queryKey: keys.outlets.active, queryFn: activeOutlets, staleTime: 5 * 60_000 });
}

export function useCoUnitOptions(enabled: boolean) {
  return useQuery({
    queryKey: keys.submissions.coUnits,
    queryFn: coUnitOptions,
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** The kinds the submission form offers (decision 211); a rules change refreshes them. */
export function useOfferedKinds() {
  return useQuery({
    queryKey: keys.assessment.submissionKinds,
    queryFn: offeredKinds,
    staleTime: 5 * 60_000,
  });
}

/** Lists, queue and detail all reload after any change: statuses and duplicates move together. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.submissions.all });
}

export function useSaveSubmission() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (
      v:
        | { kind: 'create'; body: SubmissionInput; idempotencyKey: string }
        | { kind: 'update'; id: number; version: number; body: SubmissionUpdate },
    ) =>
      v.kind === 'create'
        ? createSubmission(v.body, v.idempotencyKey)
        : updateSubmission(v.id, v.version, v.body),
    onSettled: refresh,
  });
}

export function useSubmit() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) => submitSubmission(id, version),
    onSettled: refresh,
  });
}

export function useReview() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: number; version: number; body: ReviewInput }) =>
      reviewSubmission(id, version, body),
    onSettled: refresh,
  });
}

export function useWithdraw() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) => withdrawSubmission(id, version),
    onSettled: refresh,
  });
}

export function useDeleteDraft() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) => deleteSubmission(id, version),
    onSettled: refresh,
  });
}

export function useRecordOutcome() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: number; version: number; body: OutcomeInput }) =>
      recordOutcome(id, version, body),
    onSettled: refresh,
  });
}

export function useBulkApprove() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: bulkApprove, onSettled: refresh });
}

export function useComment(id: number) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: string) => commentOn(id, body), onSettled: refresh });
}
