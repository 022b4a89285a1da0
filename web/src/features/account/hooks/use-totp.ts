import { keys } from '../../../shared/api/query-keys.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ME_KEY } from '../../../shared/session/use-me.ts';
import {
  confirmTotp,
  disableTotp,
  getTotpStatus,
  regenerateRecoveryCodes,
  startTotpEnrolment,
} from '../api/totp-api.ts';

const TOTP_KEY = keys.totp;

export function useTotpStatus() {
  return useQuery({ queryKey: TOTP_KEY, queryFn: getTotpStatus });
}

/** After any change both the status and "me" (totpEnabled / totpRequired unlock the menu) reload. */
function useTotpMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: TOTP_KEY });
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}

export const useStartTotp = () => useTotpMutation(startTotpEnrolment);
export const useConfirmTotp = () => useTotpMutation(confirmTotp);
export const useDisableTotp = () => useTotpMutation(disableTotp);
export const useRegenerateRecoveryCodes = () => useTotpMutation(regenerateRecoveryCodes);
