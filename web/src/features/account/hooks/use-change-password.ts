import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ME_KEY } from '../../../shared/session/use-me.ts';
import { changePassword } from '../api/account-api.ts';

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    // mustChangePassword is now false: reloading "me" unlocks the menu and the other pages.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });
}
