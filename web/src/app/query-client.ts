// Session-wide reactions to API failures live here, once, instead of in every page:
// an expired session (401) drops "me", and the layout then sends the person to sign in;
// PASSWORD_CHANGE_REQUIRED (403) marks "me" so the layout sends them to change it.
import type { Me } from '@greenvoice/common';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../shared/api/api-error.ts';
import { ME_KEY } from '../shared/session/use-me.ts';

export function createQueryClient(): QueryClient {
  const onError = (err: unknown) => {
    if (!isApiError(err)) return;
    if (err.code === 'UNAUTHENTICATED') queryClient.setQueryData(ME_KEY, null);
    if (err.code === 'PASSWORD_CHANGE_REQUIRED')
      queryClient.setQueryData<Me | null>(ME_KEY, (me) => (me ? { ...me, mustChangePassword: true } : me));
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // a client error will not fix itself by asking again; a network blip or 5xx might
        retry: (count, err) => count < 2 && !(isApiError(err) && err.status >= 400 && err.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
  return queryClient;
}
