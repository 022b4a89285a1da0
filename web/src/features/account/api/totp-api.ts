import type { RecoveryCodes, TotpEnrolment, TotpStatus } from '@greenvoice/common';
import { api } from '../../../shared/api/api-client.ts';

export const getTotpStatus = () => api.get<TotpStatus>('/api/v1/auth/totp');
export const startTotpEnrolment = (password: string) =>
  api.post<TotpEnrolment>('/api/v1/auth/totp/enrol', { password });
export const confirmTotp = (code: string) => api.post<RecoveryCodes>('/api/v1/auth/totp/confirm', { code });
export const disableTotp = (password: string) => api.post<unknown>('/api/v1/auth/totp/disable', { password });
export const regenerateRecoveryCodes = (password: string) =>
  api.post<RecoveryCodes>('/api/v1/auth/totp/recovery-codes', { password });
