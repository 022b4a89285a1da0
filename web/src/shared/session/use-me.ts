// Who is signed in. Shared by the layout, the guards and every feature that shows or hides actions by
// permission; the server enforces the same permissions, this only keeps the interface honest.
import type { Me, Permission } from '@greenvoice/common';
import { useQuery } from '@tanstack/react-query';
import { keys } from '../api/query-keys.ts';
import { useCallback } from 'react';
import { api } from '../api/api-client.ts';
import { isApiError } from '../api/api-error.ts';

export const ME_KEY = keys.me;

/** null when nobody is signed in (401), so callers need not treat it as an error. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/v1/auth/me');
  } catch (err) {
    if (isApiError(err) && err.status === 401) return null;
    throw err;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });
}

export function useCan(): (permission: Permission) => boolean {
  const { data: me } = useMe();
  return useCallback(
    (permission: Permission) => !!me && !me.mustChangePassword && me.permissions.includes(permission),
    [me],
  );
}
