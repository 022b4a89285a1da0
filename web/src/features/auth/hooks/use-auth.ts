import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ME_KEY } from '../../../shared/session/use-me.ts';
import { getLoginInfo, login, logout } from '../api/auth-api.ts';
import { isSessionKey, keys } from '../../../shared/api/query-keys.ts';

export function useLoginInfo() {
  return useQuery({ queryKey: keys.auth.loginInfo, queryFn: getLoginInfo, staleTime: Infinity });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      // Whatever the previous person had loaded must not show for this one.
      queryClient.removeQueries({ predicate: (q) => !isSessionKey(q.queryKey) });
      queryClient.setQueryData(ME_KEY, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Signed out locally even if the server could not be told (the session then simply expires).
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
    },
  });
}
