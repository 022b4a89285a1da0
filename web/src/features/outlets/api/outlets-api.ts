import type { Outlet, OutletInput, OutletLevel, OutletMedium, OutletUpdate } from '@greenvoice/common';
import { api, withQuery, type PageResult } from '../../../shared/api/api-client.ts';

export interface OutletListParams {
  q?: string;
  level?: OutletLevel;
  medium?: OutletMedium;
}

export const listOutlets = (p: OutletListParams) =>
  api.get<PageResult<Outlet>>(withQuery('/api/v1/outlets', { ...p, includeInactive: true, pageSize: 500 }));
export const createOutlet = (body: OutletInput) => api.post<Outlet>('/api/v1/outlets', body);
export const updateOutlet = (id: number, body: OutletUpdate) =>
  api.patch<Outlet>(`/api/v1/outlets/${id}`, body);
