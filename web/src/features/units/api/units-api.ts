import type { Unit, UnitKind } from '@greenvoice/common';
import { api, withQuery, type PageResult } from '../../../shared/api/api-client.ts';

export interface UnitListParams {
  q?: string;
  kind?: UnitKind;
  page: number;
  pageSize: number;
}

export interface UnitValues {
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number;
  sortOrder?: number;
}

export const listUnits = (p: UnitListParams) =>
  api.get<PageResult<Unit>>(withQuery('/api/v1/units', { ...p }));
export const createUnit = (values: UnitValues) => api.post<Unit>('/api/v1/units', values);
/** `version` is the one the person saw: the server refuses the change (409) if someone saved in between. */
export const updateUnit = (id: number, body: Partial<UnitValues> & { version: number }) =>
  api.patch<Unit>(`/api/v1/units/${id}`, body);
export const deleteUnit = (id: number) => api.delete<{ ok: true }>(`/api/v1/units/${id}`);
