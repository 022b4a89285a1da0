// The service guides' API (办事指南, /api/v1/service-guides): list, create, edit, publish or unpublish,
// attach and remove downloadable forms.
import type {
  ServiceGuide,
  ServiceGuideInput,
  ServiceGuideTransition,
  ServiceGuideUpdate,
} from '@greenvoice/common';
import { api } from '../../../shared/api/api-client.ts';
import { uploadFile } from '../../../shared/api/upload.ts';

const BASE = '/api/v1/service-guides';
export const listGuides = () => api.get<ServiceGuide[]>(BASE);
export const createGuide = (body: ServiceGuideInput) => api.post<ServiceGuide>(BASE, body);
export const updateGuide = (id: number, body: ServiceGuideUpdate) =>
  api.patch<ServiceGuide>(`${BASE}/${id}`, body);
export const transitionGuide = (id: number, body: ServiceGuideTransition) =>
  api.post<ServiceGuide>(`${BASE}/${id}/transition`, body);
export const uploadGuideForm = (id: number, file: File) =>
  uploadFile<ServiceGuide>(`${BASE}/${id}/forms`, 'file', file, file.name);
export const removeGuideForm = (id: number, formId: number) =>
  api.delete<ServiceGuide>(`${BASE}/${id}/forms/${formId}`);
