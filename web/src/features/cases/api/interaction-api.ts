// The console's calls for draft consultations, the monthly statistics and the annual disclosure report.
import type {
  CommentAdoptionInput,
  CommentModerationInput,
  Consultation,
  ConsultationComment,
  ConsultationInput,
  ConsultationTransition,
  ConsultationUpdate,
  DisclosureReportSave,
  DisclosureReportView,
  MonthlyCaseStats,
} from '@greenvoice/common';
import { api, withQuery } from '../../../shared/api/api-client.ts';
import { uploadFile } from '../../../shared/api/upload.ts';

const base = '/api/v1/consultations';
export const listConsultations = () => api.get<Consultation[]>(base);
export const createConsultation = (b: ConsultationInput) => api.post<Consultation>(base, b);
export const updateConsultation = (id: number, b: ConsultationUpdate) =>
  api.patch<Consultation>(`${base}/${id}`, b);
export const transitionConsultation = (id: number, b: ConsultationTransition) =>
  api.post<Consultation>(`${base}/${id}/transition`, b);
export const uploadConsultationFile = (id: number, file: File) =>
  uploadFile<Consultation>(`${base}/${id}/files`, 'file', file, file.name);
export const removeConsultationFile = (id: number, fileId: number) =>
  api.delete<Consultation>(`${base}/${id}/files/${fileId}`);
export const listComments = (id: number) => api.get<ConsultationComment[]>(`${base}/${id}/comments`);
export const moderateComment = (id: number, commentId: number, b: CommentModerationInput) =>
  api.post<ConsultationComment[]>(`${base}/${id}/comments/${commentId}/moderation`, b);
export const adoptComment = (id: number, commentId: number, b: CommentAdoptionInput) =>
  api.post<ConsultationComment[]>(`${base}/${id}/comments/${commentId}/adoption`, b);

export const caseStats = (month?: string) =>
  api.get<MonthlyCaseStats>(withQuery('/api/v1/cases/stats', { month }));

export const getDisclosureReport = (year: number) =>
  api.get<DisclosureReportView>(`/api/v1/disclosure-reports/${year}`);
export const saveDisclosureReport = (year: number, b: DisclosureReportSave) =>
  api.put<DisclosureReportView>(`/api/v1/disclosure-reports/${year}`, b);
export const makeDisclosureArticle = (year: number) =>
  api.post<DisclosureReportView>(`/api/v1/disclosure-reports/${year}/article`, {});
export const disclosureReportDocx = (year: number) => `/api/v1/disclosure-reports/${year}/report.docx`;
