import type {
  BulkApproveInput,
  CoUnitOption,
  Evidence,
  OfferedSubmissionKinds,
  Outlet,
  OutcomeInput,
  ReviewInput,
  Submission,
  SubmissionDetail,
  SubmissionInput,
  SubmissionListQuery,
  SubmissionUpdate,
} from '@greenvoice/common';
import { api, withQuery, type PageResult } from '../../../shared/api/api-client.ts';
import { uploadFile, type UploadCallbacks } from '../../../shared/api/upload.ts';

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

export const listSubmissions = (q: SubmissionListQuery) =>
  api.get<PageResult<Submission>>(withQuery('/api/v1/submissions', { ...q }));
export const getSubmission = (id: number) => api.get<SubmissionDetail>(`/api/v1/submissions/${id}`);
/** The key makes a retried click (or a lost answer) create one record, not two. */
export const createSubmission = (body: SubmissionInput, idempotencyKey: string) =>
  api.post<Submission>('/api/v1/submissions', body, { 'idempotency-key': idempotencyKey });
export const updateSubmission = (id: number, version: number, body: SubmissionUpdate) =>
  api.patch<Submission>(`/api/v1/submissions/${id}`, body, ifMatch(version));
export const submitSubmission = (id: number, version: number) =>
  api.post<Submission>(`/api/v1/submissions/${id}/submit`, {}, ifMatch(version));
export const reviewSubmission = (id: number, version: number, body: ReviewInput) =>
  api.post<Submission>(`/api/v1/submissions/${id}/review`, body, ifMatch(version));
export const withdrawSubmission = (id: number, version: number) =>
  api.post<Submission>(`/api/v1/submissions/${id}/withdraw`, {}, ifMatch(version));
export const deleteSubmission = (id: number, version: number) =>
  api.delete<{ ok: true }>(`/api/v1/submissions/${id}`, ifMatch(version));
export const recordOutcome = (id: number, version: number, body: OutcomeInput) =>
  api.post<Submission>(`/api/v1/submissions/${id}/outcome`, body, ifMatch(version));
export const bulkApprove = (body: BulkApproveInput) =>
  api.post<{ approved: number[] }>('/api/v1/submissions/bulk-approve', body);
export const commentOn = (id: number, body: string) =>
  api.post<SubmissionDetail>(`/api/v1/submissions/${id}/comments`, { body });
export const coUnitOptions = () => api.get<CoUnitOption[]>('/api/v1/submissions/co-unit-options');
/** the kinds the form offers: those the current plan scores for the reader's unit (decision 211) */
export const offeredKinds = () => api.get<OfferedSubmissionKinds>('/api/v1/assessment/submission-kinds');
export const activeOutlets = () =>
  api.get<PageResult<Outlet>>(withQuery('/api/v1/outlets', { pageSize: 500 }));
export const uploadEvidence = (file: File, callbacks?: UploadCallbacks) =>
  uploadFile<Evidence[]>('/api/v1/evidence', 'files', file, file.name, callbacks);
export const evidenceUrl = (id: number) => `/api/v1/evidence/${id}`;
