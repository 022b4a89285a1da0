import type { Me, Role } from '@greenvoice/common';
import { api } from '../../../shared/api/api-client.ts';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  name: string;
  unitName: string;
}

export interface LoginInfo {
  /** true only on a demonstration installation, where the seeded accounts' passwords are public */
  demo: boolean;
  demoAccounts: DemoAccount[];
}

export const getLoginInfo = () => api.get<LoginInfo>('/api/v1/auth/login-info');
export const login = (body: { username: string; password: string; code?: string }) =>
  api.post<Me>('/api/v1/auth/login', body);
export const logout = () => api.post<unknown>('/api/v1/auth/logout');
