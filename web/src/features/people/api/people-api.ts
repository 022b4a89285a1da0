import type { Person, Role } from '@greenvoice/common';
import { api, withQuery, type PageResult } from '../../../shared/api/api-client.ts';

export interface PeopleListParams {
  q?: string;
  unitId?: number;
  role?: Role;
  page: number;
  pageSize: number;
}

export interface PersonCreate {
  unitId: number;
  name: string;
  title?: string;
  mobile?: string;
  /** '' clears it on an edit */
  email?: string;
  roles: Role[];
  username?: string;
  initialPassword?: string;
}

export type PersonChanges = Partial<
  Pick<PersonCreate, 'unitId' | 'name' | 'title' | 'mobile' | 'email' | 'roles'>
>;

export type AccountActionName =
  'resetPassword' | 'disable' | 'enable' | 'unlock' | 'endSessions' | 'createLogin';

export const listPeople = (p: PeopleListParams) =>
  api.get<PageResult<Person>>(withQuery('/api/v1/people', { ...p }));
export const createPerson = (body: PersonCreate) => api.post<Person>('/api/v1/people', body);
export const updatePerson = (id: number, body: PersonChanges & { version: number }) =>
  api.patch<Person>(`/api/v1/people/${id}`, body);
export const deletePerson = (id: number) => api.delete<{ ok: true }>(`/api/v1/people/${id}`);
/** Audited on the server: each reveal is recorded with who looked at whose number. */
export const revealMobile = (id: number) =>
  api.post<{ mobile: string | null }>(`/api/v1/people/${id}/reveal-mobile`);
/** `username`: createLogin only */
export const accountAction = (id: number, action: AccountActionName, username?: string) =>
  api.post<{ ok: true; temporaryPassword?: string }>(`/api/v1/people/${id}/account`, {
    action,
    ...(username ? { username } : {}),
  });
