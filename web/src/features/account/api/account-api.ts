import { api } from '../../../shared/api/api-client.ts';

export const changePassword = (body: { currentPassword: string; newPassword: string }) =>
  api.post<unknown>('/api/v1/auth/change-password', body);
